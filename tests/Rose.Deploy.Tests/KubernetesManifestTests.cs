using k8s.Models;
using Xunit;

namespace Rose.Deploy.Tests;

/// <summary>deploy/k8s as <c>kubectl apply -k</c> would send it: valid resources, the apps as dapr.yaml runs them, locked down.</summary>
public sealed class KubernetesManifestTests
{
    public static TheoryData<string> Overlays => new() { "overlays/dev", "overlays/prod" };

    public static TheoryData<string> Everything => new() { "overlays/dev", "overlays/prod", "overlays/dev/migrations", "overlays/prod/migrations" };

    [Theory]
    [MemberData(nameof(Everything))]
    public void Every_overlay_renders_into_resources_of_rose_namespace_that_parse_strictly(string overlay)
    {
        var rendered = RenderedOverlay.Of(overlay);

        Assert.NotEmpty(rendered.Resources);
        Assert.All(rendered.Resources, r => Assert.Equal("rose", r["metadata"]?["namespace"]?.GetValue<string>()));
        Assert.All(rendered.Models.Cast<IMetadata<V1ObjectMeta>>(), m => Assert.Equal("rose", m.Metadata.NamespaceProperty));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_app_of_dapr_yaml_has_a_deployment_whose_sidecar_annotations_port_and_probes_match(string overlay)
    {
        var rendered = RenderedOverlay.Of(overlay);
        var daprRun = RepositoryFiles.ReadYamlFile("dapr.yaml");
        var apps = daprRun["apps"]!.AsArray().Select(a => a!.AsObject()).ToList();
        Assert.Equal(5, apps.Count);

        foreach (var app in apps)
        {
            var appId = app["appID"]!.GetValue<string>();
            var deployment = Assert.Single(rendered.Of<V1Deployment>(), d => d.Metadata.Name == appId);
            var annotations = deployment.Spec.Template.Metadata.Annotations;
            var container = Assert.Single(deployment.Spec.Template.Spec.Containers);
            var http = Assert.Single(container.Ports, p => p.Name == "http");

            Assert.Equal("true", annotations["dapr.io/enabled"]);
            Assert.Equal(appId, annotations["dapr.io/app-id"]);
            Assert.Equal(http.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture), annotations["dapr.io/app-port"]);
            Assert.Equal(daprRun["common"]!["maxBodySize"]!.GetValue<string>(), annotations["dapr.io/max-body-size"]);
            Assert.Equal("true", annotations["dapr.io/enable-app-health-check"]);
            Assert.Equal(app["appHealthCheckPath"]!.GetValue<string>(), annotations["dapr.io/app-health-check-path"]);
            Assert.Contains(rendered.Dapr("Configuration"), c => c["metadata"]!["name"]!.GetValue<string>() == annotations["dapr.io/config"]);
            Assert.Equal($"rose-{appId}", annotations["dapr.io/config"]);
            Assert.Equal("Dapr", container.Env.Single(e => e.Name == "Rose__Runtime").Value);
            Assert.StartsWith($"rose/{appId}:", container.Image, StringComparison.Ordinal); // the ContainerRepository of Directory.Build.props

            // Readiness is the app's /health (dapr.yaml's health check), liveness its /alive.
            Assert.Equal(app["appHealthCheckPath"]!.GetValue<string>(), container.ReadinessProbe.HttpGet.Path);
            Assert.Equal("/alive", container.LivenessProbe.HttpGet.Path);
            Assert.All(new[] { container.ReadinessProbe, container.LivenessProbe }, p => Assert.Equal("http", p.HttpGet.Port.Value));
            Assert.NotNull(container.Resources.Requests);
            Assert.NotNull(container.Resources.Limits);

            var service = Assert.Single(rendered.Of<V1Service>(), s => s.Metadata.Name == appId);
            Assert.Equal("http", Assert.Single(service.Spec.Ports).TargetPort.Value);
            Assert.All(service.Spec.Selector, label => Assert.Equal(label.Value, deployment.Spec.Template.Metadata.Labels[label.Key]));
        }
    }

    [Theory]
    [MemberData(nameof(Everything))]
    public void No_container_runs_as_root_escalates_or_writes_its_root_filesystem(string overlay)
    {
        var pods = RenderedOverlay.Of(overlay).Of<V1Deployment>().Select(d => (d.Metadata.Name, d.Spec.Template.Spec))
            .Concat(RenderedOverlay.Of(overlay).Of<V1Job>().Select(j => (j.Metadata.Name, j.Spec.Template.Spec)))
            .ToList();
        Assert.NotEmpty(pods);

        foreach (var (name, pod) in pods)
        {
            Assert.True(pod.SecurityContext.RunAsNonRoot, name);
            Assert.True(pod.SecurityContext.RunAsUser > 0, name);
            foreach (var container in pod.Containers.Concat(pod.InitContainers ?? []))
            {
                var security = container.SecurityContext;
                Assert.True(security.AllowPrivilegeEscalation == false, $"{name}/{container.Name} may escalate");
                Assert.True(security.ReadOnlyRootFilesystem == true, $"{name}/{container.Name} writes its root filesystem");
                Assert.Contains("ALL", security.Capabilities.Drop);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Only_the_gateway_takes_traffic_from_outside(string overlay)
    {
        var rendered = RenderedOverlay.Of(overlay);
        var policies = rendered.Of<V1NetworkPolicy>().ToList();

        // A default deny for every pod of the namespace…
        Assert.Contains(policies, p => p.Spec.PodSelector.MatchLabels is null or { Count: 0 } && p.Spec.PolicyTypes.Contains("Ingress") && p.Spec.Ingress is null or { Count: 0 });
        // …and every rule open to any source selects the gateway only.
        foreach (var policy in policies.Where(p => p.Spec.Ingress?.Any(rule => rule.FromProperty is null or { Count: 0 }) == true))
        {
            Assert.Equal("gateway", AppOf(policy));
        }

        // Other pods accept only other Rose pods (their sidecars) or the monitoring namespace.
        foreach (var rule in policies.Where(p => AppOf(p) != "gateway").SelectMany(p => p.Spec.Ingress ?? []))
        {
            Assert.All(rule.FromProperty, from => Assert.True(from.PodSelector is not null || from.NamespaceSelector?.MatchLabels?.ContainsKey("rose.io/monitoring") == true));
        }

        var ingress = Assert.Single(rendered.Of<V1Ingress>());
        Assert.All(ingress.Spec.Rules.SelectMany(r => r.Http.Paths), path => Assert.Equal("gateway", path.Backend.Service.Name));
        Assert.Contains(ingress.Spec.Rules, r => r.Host is null); // tenants' custom hostnames
        Assert.NotEmpty(ingress.Spec.Tls);
        Assert.Contains("cert-manager.io/cluster-issuer", ingress.Metadata.Annotations.Keys);
    }

    [Theory]
    [InlineData("overlays/dev")]
    [InlineData("overlays/prod")]
    public void Replicas_never_migrate_the_schema_the_release_job_does_with_the_same_images(string overlay)
    {
        var deployments = RenderedOverlay.Of(overlay).Of<V1Deployment>()
            .Where(d => d.Spec.Template.Spec.Containers.Single().Env.Any(e => e.Name == "ConnectionStrings__rose"))
            .ToList();
        var job = Assert.Single(RenderedOverlay.Of(overlay + "/migrations").Of<V1Job>());
        var migrators = job.Spec.Template.Spec.InitContainers.Concat(job.Spec.Template.Spec.Containers).ToList();
        Assert.Equal(4, deployments.Count);

        foreach (var deployment in deployments)
        {
            var app = deployment.Spec.Template.Spec.Containers.Single();
            Assert.Equal("false", app.Env.Single(e => e.Name == "Rose__Storage__MigrateOnStart").Value);
            var migrator = Assert.Single(migrators, c => c.Name == deployment.Metadata.Name);
            Assert.Equal(app.Image, migrator.Image);
            Assert.Equal("true", migrator.Env.Single(e => e.Name == "Rose__Storage__MigrateOnly").Value);
            Assert.Equal(
                app.Env.Single(e => e.Name == "ConnectionStrings__rose").ValueFrom.SecretKeyRef.Name,
                migrator.Env.Single(e => e.Name == "ConnectionStrings__rose").ValueFrom.SecretKeyRef.Name);
        }

        Assert.Equal("false", job.Spec.Template.Metadata.Annotations["dapr.io/enabled"]);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Autoscalers_and_disruption_budgets_target_deployments_that_exist(string overlay)
    {
        var rendered = RenderedOverlay.Of(overlay);
        var deployments = rendered.Of<V1Deployment>().ToList();

        Assert.Equal(["search", "worker"], rendered.Of<V2HorizontalPodAutoscaler>().Select(h => h.Spec.ScaleTargetRef.Name).Order());
        Assert.All(rendered.Of<V2HorizontalPodAutoscaler>(), h => Assert.Contains(deployments, d => d.Metadata.Name == h.Spec.ScaleTargetRef.Name));
        Assert.All(rendered.Of<V1PodDisruptionBudget>(), budget => Assert.Contains(deployments, d =>
            budget.Spec.Selector.MatchLabels.All(label => d.Spec.Template.Metadata.Labels.TryGetValue(label.Key, out var value) && value == label.Value)));
    }

    private static string? AppOf(V1NetworkPolicy policy) =>
        policy.Spec.PodSelector.MatchLabels is { } labels && labels.TryGetValue("app.kubernetes.io/name", out var app) ? app : null;
}
