using System.Text.Json.Nodes;
using Xunit;

namespace Rose.Deploy.Tests;

/// <summary>
/// The Dapr resources of the cluster (deploy/k8s/base/dapr) stay twins of components/, which dapr.yaml,
/// Aspire and the tests use: the same components with the same scopes, types and settings, but for what
/// a cluster changes (where Redis is, which secret store and blob service).
/// </summary>
public sealed class ClusterComponentTests
{
    /// <summary>Types a cluster replaces: pods share no disk and have no env-file secrets.</summary>
    private static readonly Dictionary<string, string> ClusterTypes = new(StringComparer.Ordinal)
    {
        ["bindings.localstorage"] = "bindings.aws.s3",
        ["secretstores.local.env"] = "secretstores.kubernetes",
    };

    /// <summary>Settings that name a place, not a behaviour.</summary>
    private static readonly HashSet<string> PlaceSettings = new(StringComparer.Ordinal) { "redisHost" };

    private static RenderedOverlay Cluster => RenderedOverlay.Of("overlays/prod");

    public static TheoryData<string> LocalComponents => new(Directory.GetFiles(RepositoryFiles.PathOf("components"), "*.yaml")
        .Select(Path.GetFileName)
        .Where(f => RepositoryFiles.ReadYamlFile(Path.Combine("components", f!))["kind"]!.GetValue<string>() == "Component")!);

    [Theory]
    [MemberData(nameof(LocalComponents))]
    public void Every_component_has_a_cluster_twin_with_the_same_type_scopes_and_settings(string file)
    {
        var local = RepositoryFiles.ReadYamlFile(Path.Combine("components", file));
        var name = local["metadata"]!["name"]!.GetValue<string>();
        var twin = Assert.Single(Cluster.Dapr("Component"), c => c["metadata"]!["name"]!.GetValue<string>() == name);

        Assert.Equal(Scopes(local), Scopes(twin));
        var localType = local["spec"]!["type"]!.GetValue<string>();
        var clusterType = twin["spec"]!["type"]!.GetValue<string>();
        Assert.Equal(ClusterTypes.GetValueOrDefault(localType, localType), clusterType);
        if (localType != clusterType)
        {
            return; // another service: its settings are its own
        }

        var localSettings = Settings(local);
        var clusterSettings = Settings(twin);
        Assert.Equal(localSettings.Keys.Order(), clusterSettings.Keys.Order());
        foreach (var (setting, value) in localSettings.Where(s => !PlaceSettings.Contains(s.Key)))
        {
            // A secret stays a secret (from another store); any other setting keeps its value.
            Assert.True(value == clusterSettings[setting], $"{name}: {setting} is {clusterSettings[setting]} in the cluster, {value} in components/");
        }

        Assert.Equal(local["auth"] is null, twin["auth"] is null);
    }

    [Fact]
    public void Every_cluster_component_has_a_twin_in_components()
    {
        var local = Directory.GetFiles(RepositoryFiles.PathOf("components"), "*.yaml")
            .Select(f => RepositoryFiles.ReadYamlDocuments(File.ReadAllText(f)).Single())
            .Where(d => d["kind"]!.GetValue<string>() == "Component")
            .Select(d => d["metadata"]!["name"]!.GetValue<string>());

        Assert.Equal(local.Order(), Cluster.Dapr("Component").Select(c => c["metadata"]!["name"]!.GetValue<string>()).Order());
    }

    [Fact]
    public void Resiliency_is_the_same_in_the_cluster()
    {
        var local = RepositoryFiles.ReadYamlFile("components/resiliency.yaml");
        var twin = Assert.Single(Cluster.Dapr("Resiliency"));

        Assert.Equal(local["metadata"]!["name"]!.GetValue<string>(), twin["metadata"]!["name"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(local["spec"], twin["spec"]), "deploy/k8s/base/dapr/resiliency.yaml differs from components/resiliency.yaml");
    }

    [Theory]
    [InlineData("gateway")]
    [InlineData("search")]
    [InlineData("admin")]
    [InlineData("backoffice")]
    [InlineData("worker")]
    public void Every_app_configuration_is_its_access_file_in_rose_namespace(string appId)
    {
        var local = RepositoryFiles.ReadYamlFile($"components/access/{appId}.yaml");
        var twin = Assert.Single(Cluster.Dapr("Configuration"), c => c["metadata"]!["name"]!.GetValue<string>() == $"rose-{appId}");

        var expectedAccess = JsonNode.Parse(local["spec"]!["accessControl"]!.ToJsonString().Replace("\"namespace\":\"default\"", "\"namespace\":\"rose\"", StringComparison.Ordinal));
        Assert.True(JsonNode.DeepEquals(expectedAccess, twin["spec"]!["accessControl"]), $"access control of {appId}");
        Assert.True(JsonNode.DeepEquals(local["spec"]!["metric"], twin["spec"]!["metric"]));
        Assert.Equal(local["spec"]!["tracing"]!["samplingRate"]!.GetValue<string>(), twin["spec"]!["tracing"]!["samplingRate"]!.GetValue<string>());
        var clusterScopes = twin["spec"]!["secrets"]!["scopes"]!.AsArray();
        Assert.All(local["spec"]!["secrets"]!["scopes"]!.AsArray(), scope => Assert.Contains(clusterScopes, s => JsonNode.DeepEquals(s, scope)));
        Assert.Contains(clusterScopes, s => s!["storeName"]!.GetValue<string>() == "kubernetes" && s["defaultAccess"]!.GetValue<string>() == "deny");
    }

    private static List<string> Scopes(JsonObject component) =>
        component["scopes"]?.AsArray().Select(s => s!.GetValue<string>()).Order().ToList() ?? [];

    /// <summary>Each metadata entry by name: its value, or <c>&lt;secret&gt;</c> when it comes from a secret.</summary>
    private static Dictionary<string, string> Settings(JsonObject component) =>
        (component["spec"]!["metadata"]?.AsArray() ?? [])
        .Select(m => m!.AsObject())
        .ToDictionary(m => m["name"]!.GetValue<string>(), m => m["secretKeyRef"] is null ? m["value"]?.GetValue<string>() ?? string.Empty : "<secret>", StringComparer.Ordinal);
}
