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
    public async Task With_daprd_placement_and_scheduler_run_from_the_dapr_install_and_every_sidecar_points_at_them()
    {
        await using var builder = await DaprShapeAsync();

        var placement = builder.Resources.OfType<ExecutableResource>().Single(r => r.Name == "dapr-placement");
        var scheduler = builder.Resources.OfType<ExecutableResource>().Single(r => r.Name == "dapr-scheduler");
        Assert.Equal("/opt/dapr/placement", placement.Command);
        Assert.Equal("/opt/dapr/scheduler", scheduler.Command);
        var placementPort = Flag(await ArgumentsOf(placement), "--port");
        var schedulerPort = Flag(await ArgumentsOf(scheduler), "--port");

        foreach (var sidecar in Sidecars(builder))
        {
            var args = await ArgumentsOf(sidecar);
            Assert.Equal("127.0.0.1:" + placementPort, Flag(args, "--placement-host-address"));
            Assert.Equal("127.0.0.1:" + schedulerPort, Flag(args, "--scheduler-host-address"));
            Assert.True(sidecar.TryGetAnnotationsOfType<WaitAnnotation>(out var waits));
            Assert.Contains(waits, w => w.Resource == placement);
            Assert.Contains(waits, w => w.Resource == scheduler);
        }
    }

    [Fact]
    public async Task With_daprd_no_two_dapr_processes_share_a_port_and_none_takes_a_self_hosted_default()
    {
        await using var builder = await DaprShapeAsync();
        string[] portFlags = ["--dapr-http-port", "--dapr-grpc-port", "--dapr-internal-grpc-port", "--metrics-port", "--port", "--healthz-port", "--etcd-client-port"];

        var ports = new List<int>();
        foreach (var process in Sidecars(builder).Concat(builder.Resources.OfType<ExecutableResource>().Where(r => r.Name.StartsWith("dapr-", StringComparison.Ordinal))))
        {
            var args = await ArgumentsOf(process);
            ports.AddRange(portFlags.Where(args.Contains).Select(f => int.Parse(Flag(args, f), System.Globalization.CultureInfo.InvariantCulture)));
            // Peer ports hide in the cluster flags ("id=http://127.0.0.1:port").
            ports.AddRange(args.Where(a => a.Contains('=', StringComparison.Ordinal) && a.Contains("127.0.0.1:", StringComparison.Ordinal))
                .Select(a => int.Parse(a[(a.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture)));
        }

        // 5 sidecars x 4 ports, placement 4 (gRPC, healthz, metrics, raft), scheduler 5 (gRPC, healthz, metrics, etcd client and peer).
        Assert.Equal(5 * 4 + 4 + 5, ports.Count);
        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.DoesNotContain(ports, DaprPorts.SelfHostedDefaults.Contains);
        Assert.DoesNotContain(6379, ports);
    }

    [Fact]
    public async Task Sidecars_allow_the_request_body_size_dapr_yaml_allows()
    {
        await using var builder = await DaprShapeAsync();
        var runFile = File.ReadAllLines(Path.Combine(RepositoryRoot(), "dapr.yaml"));
        // dapr/cli pkg/standalone/run.go: the run file's maxBodySize becomes daprd's --max-body-size.
        var inRunFile = runFile.Select(l => l.Trim()).Single(l => l.StartsWith("maxBodySize:", StringComparison.Ordinal))["maxBodySize:".Length..].Trim();

        Assert.Equal(DaprSidecars.MaxBodySize, inRunFile);
        foreach (var sidecar in Sidecars(builder))
        {
            Assert.Equal(inRunFile, Flag(await ArgumentsOf(sidecar), "--max-body-size"));
        }
    }

    [Theory]
    [InlineData("Local")]
    [InlineData("Containers")]
    public async Task Every_sidecar_hands_the_components_the_password_redis_runs_with(string infrastructure)
    {
        await using var builder = await DaprShapeAsync(infrastructure);

        var redis = builder.Resources.Single(r => r.Name == "redis");
        var password = redis is ContainerResource
            ? (await EnvironmentOf(redis))["REDIS_PASSWORD"]
            : Flag(await ArgumentsOf(redis), "--requirepass");
        Assert.False(string.IsNullOrEmpty(password));
        foreach (var sidecar in Sidecars(builder))
        {
            Assert.Equal(password, (await EnvironmentOf(sidecar))[DaprSidecars.RedisPasswordVariable]);
        }
    }

    [Fact]
    public async Task Every_app_and_its_sidecar_share_the_api_tokens_and_the_gateway_reaches_search_directly()
    {
        await using var builder = await DaprShapeAsync();

        foreach (var sidecar in Sidecars(builder))
        {
            var app = builder.Resources.OfType<ProjectResource>().Single(r => r.Name + "-dapr" == sidecar.Name);
            var appEnvironment = await EnvironmentOf(app);
            var sidecarEnvironment = await EnvironmentOf(sidecar);
            Assert.Equal(appEnvironment["DAPR_API_TOKEN"], sidecarEnvironment["DAPR_API_TOKEN"]);
            Assert.Equal(appEnvironment["APP_API_TOKEN"], sidecarEnvironment["APP_API_TOKEN"]);
            Assert.NotEqual(appEnvironment["DAPR_API_TOKEN"], appEnvironment["APP_API_TOKEN"]);
        }

        var gateway = await EnvironmentOf(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "gateway"));
        Assert.Equal("{search.bindings.http.url}", gateway["Rose__Gateway__Destinations__search"]);
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

    private async Task<IDistributedApplicationTestingBuilder> DaprShapeAsync(string infrastructure = "Local") =>
        await DistributedApplicationTestingBuilder.CreateAsync<Projects.Rose_AppHost>(
            [$"--Rose:AppHost:Infrastructure={infrastructure}", $"--Rose:AppHost:LocalDataPath={pgFolder}", "--Rose:AppHost:Daprd=/opt/dapr/daprd"]);

    private static IEnumerable<ExecutableResource> Sidecars(IDistributedApplicationTestingBuilder builder) =>
        builder.Resources.OfType<ExecutableResource>().Where(r => r.Name.EndsWith("-dapr", StringComparison.Ordinal));

    private static string Flag(List<string> args, string flag)
    {
        var at = args.IndexOf(flag);
        Assert.True(at >= 0 && at + 1 < args.Count, $"{flag} is missing from: {string.Join(' ', args)}");
        return args[at + 1];
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Rose.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Rose.sln not found above " + AppContext.BaseDirectory);
    }

    // The obsolete helpers still evaluate callbacks and references exactly as a run would, in one call.
#pragma warning disable CS0618
    private static async Task<Dictionary<string, string>> EnvironmentOf(IResource resource) =>
        new(await ((IResourceWithEnvironment)resource).GetEnvironmentVariableValuesAsync(DistributedApplicationOperation.Publish));

    private static async Task<List<string>> ArgumentsOf(IResource resource) =>
        [.. await ((IResourceWithArgs)resource).GetArgumentValuesAsync(DistributedApplicationOperation.Publish)];
#pragma warning restore CS0618
}
