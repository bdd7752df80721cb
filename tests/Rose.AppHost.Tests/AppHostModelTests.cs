using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Xunit;

namespace Rose.AppHost.Tests;

public sealed class AppHostModelTests : IDisposable
{
    private readonly string pgFolder = Directory.CreateTempSubdirectory("rose-apphost-model-").FullName;

    [Fact]
    public async Task Without_daprd_the_standalone_host_runs_on_the_embedded_runtime_with_local_postgres()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Rose_AppHost>(
            ["--Rose:AppHost:Infrastructure=Local", $"--Rose:AppHost:LocalDataPath={pgFolder}", "--Rose:AppHost:Daprd="]);

        var names = builder.Resources.Select(r => r.Name).ToHashSet();
        Assert.Contains("standalone", names);
        Assert.Contains("postgres", names);
        Assert.Contains("redis", names);
        Assert.DoesNotContain("search", names);
        Assert.DoesNotContain(builder.Resources, r => r.Name.EndsWith("-dapr", StringComparison.Ordinal));

        var standalone = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "standalone");
        var environment = await EnvironmentOf(standalone);
        Assert.Equal("Embedded", environment["Rose__Runtime"]);
        Assert.Equal("PostgreSql", environment["Rose__Storage__Provider"]);
        Assert.StartsWith("Host=127.0.0.1;Port=", environment["Rose__Storage__ConnectionString"], StringComparison.Ordinal);
        Assert.Contains(builder.Resources.OfType<ExecutableResource>(), r => r.Name == "postgres");
        Assert.Contains(builder.Resources.OfType<ExecutableResource>(), r => r.Name == "redis" && r.Command == "redis-server");
    }

    [Fact]
    public async Task With_daprd_every_app_runs_with_its_own_sidecar()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Rose_AppHost>(
            ["--Rose:AppHost:Infrastructure=Local", $"--Rose:AppHost:LocalDataPath={pgFolder}", "--Rose:AppHost:Daprd=/opt/dapr/daprd"]);

        string[] appIds = ["gateway", "search", "admin", "backoffice", "worker"];
        Assert.DoesNotContain(builder.Resources, r => r.Name == "standalone");
        foreach (var appId in appIds)
        {
            var app = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == appId);
            var sidecar = builder.Resources.OfType<ExecutableResource>().Single(r => r.Name == $"{appId}-dapr");
            Assert.Equal("/opt/dapr/daprd", sidecar.Command);

            var args = await ArgumentsOf(sidecar);
            Assert.Equal(appId, args[args.IndexOf("--app-id") + 1]);
            Assert.EndsWith("components", args[args.IndexOf("--resources-path") + 1], StringComparison.Ordinal);
            Assert.EndsWith(Path.Combine("components", "config.yaml"), args[args.IndexOf("--config") + 1], StringComparison.Ordinal);

            var environment = await EnvironmentOf(app);
            Assert.Equal("Dapr", environment["Rose__Runtime"]);
            Assert.Equal(args[args.IndexOf("--dapr-grpc-port") + 1], environment["DAPR_GRPC_PORT"]);
            Assert.Equal(args[args.IndexOf("--dapr-http-port") + 1], environment["DAPR_HTTP_PORT"]);
            Assert.True(sidecar.TryGetAnnotationsOfType<ResourceRelationshipAnnotation>(out var relations));
            Assert.Contains(relations, r => r.Resource == app && r.Type == "Parent");
        }

        var redis = builder.Resources.OfType<ExecutableResource>().Single(r => r.Name == "redis");
        Assert.Contains("6379", await ArgumentsOf(redis));
    }

    [Fact]
    public async Task Container_mode_models_redis_and_postgres_as_containers()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Rose_AppHost>(["--Rose:AppHost:Daprd="]);

        Assert.Contains(builder.Resources, r => r.Name == "redis" && r is ContainerResource);
        Assert.Contains(builder.Resources, r => r.Name == "postgres" && r is ContainerResource);
        var standalone = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "standalone");
        var environment = await EnvironmentOf(standalone);
        Assert.True(environment.ContainsKey("ConnectionStrings__rose"));
    }

    public void Dispose() => Directory.Delete(pgFolder, recursive: true);

    // The obsolete helpers still evaluate callbacks and references exactly as a run would, in one call.
#pragma warning disable CS0618
    private static async Task<Dictionary<string, string>> EnvironmentOf(IResource resource) =>
        new(await ((IResourceWithEnvironment)resource).GetEnvironmentVariableValuesAsync(DistributedApplicationOperation.Publish));

    private static async Task<List<string>> ArgumentsOf(IResource resource) =>
        [.. await ((IResourceWithArgs)resource).GetArgumentValuesAsync(DistributedApplicationOperation.Publish)];
#pragma warning restore CS0618
}
