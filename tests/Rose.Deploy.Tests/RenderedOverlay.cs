using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Rose.Testing;

namespace Rose.Deploy.Tests;

/// <summary>
/// An overlay of deploy/k8s rendered by <c>kubectl kustomize</c> (what <c>kubectl apply -k</c> sends),
/// each resource as JSON and, for Kubernetes' own kinds, parsed strictly into the client's models:
/// a field the API does not have fails the parse.
/// </summary>
public sealed class RenderedOverlay
{
    private static readonly ConcurrentDictionary<string, RenderedOverlay> Rendered = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, Type> KubernetesKinds = new(StringComparer.Ordinal)
    {
        ["apps/v1/Deployment"] = typeof(V1Deployment),
        ["v1/Service"] = typeof(V1Service),
        ["batch/v1/Job"] = typeof(V1Job),
        ["autoscaling/v2/HorizontalPodAutoscaler"] = typeof(V2HorizontalPodAutoscaler),
        ["policy/v1/PodDisruptionBudget"] = typeof(V1PodDisruptionBudget),
        ["networking.k8s.io/v1/NetworkPolicy"] = typeof(V1NetworkPolicy),
        ["networking.k8s.io/v1/Ingress"] = typeof(V1Ingress),
    };

    private RenderedOverlay(string path, IReadOnlyList<JsonObject> resources, IReadOnlyList<object> models)
    {
        Path = path;
        Resources = resources;
        Models = models;
    }

    /// <summary>The overlay, relative to deploy/k8s (e.g. <c>overlays/prod</c>).</summary>
    public string Path { get; }

    public IReadOnlyList<JsonObject> Resources { get; }

    /// <summary>Kubernetes' own kinds as client models (V1Deployment, V1Service, …).</summary>
    public IReadOnlyList<object> Models { get; }

    public IEnumerable<T> Of<T>() => Models.OfType<T>();

    /// <summary>The Dapr resources of one kind (Component, Configuration, Resiliency).</summary>
    public IEnumerable<JsonObject> Dapr(string kind) =>
        Resources.Where(r => r["apiVersion"]!.GetValue<string>().StartsWith("dapr.io/", StringComparison.Ordinal) && r["kind"]!.GetValue<string>() == kind);

    public static RenderedOverlay Of(string overlay) => Rendered.GetOrAdd(overlay, Render);

    private static RenderedOverlay Render(string overlay)
    {
        var yaml = Kustomize(RepositoryFiles.PathOf(System.IO.Path.Combine("deploy", "k8s", overlay)));
        var resources = RepositoryFiles.ReadYamlDocuments(yaml);
        var models = new List<object>();
        foreach (var (resource, text) in resources.Zip(SplitDocuments(yaml)))
        {
            var key = $"{resource["apiVersion"]}/{resource["kind"]}";
            if (KubernetesKinds.TryGetValue(key, out var type))
            {
                models.Add(Deserialize(type, text));
            }
            else if (!key.StartsWith("dapr.io/v1alpha1/", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{overlay} renders a {key}, which these tests do not check: add it to {nameof(KubernetesKinds)}.");
            }
        }

        return new RenderedOverlay(overlay, resources, models);
    }

    private static object Deserialize(Type type, string yaml)
    {
        var method = typeof(KubernetesYaml).GetMethods()
            .Single(m => m.Name == nameof(KubernetesYaml.Deserialize) && m.IsGenericMethod && m.GetParameters() is [{ ParameterType: var p }, _] && p == typeof(string));
        return method.MakeGenericMethod(type).Invoke(null, [yaml, true])!;
    }

    private static IEnumerable<string> SplitDocuments(string yaml) =>
        yaml.Split("\n---\n").Where(d => !string.IsNullOrWhiteSpace(d));

    private static string Kustomize(string folder)
    {
        try
        {
            return ProcessRunner.RunAsync("kubectl", ["kustomize", folder]).GetAwaiter().GetResult();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("kubectl is not installed: .ci/run installs Debian's kubernetes-client.", e);
        }
    }
}
