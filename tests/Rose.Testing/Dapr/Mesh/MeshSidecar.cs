using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Rose.Testing.Dapr.Mesh;

/// <summary>
/// The fake daprd of one replica of one app-id: the gRPC runtime and workflow services on an HTTP/2
/// port, the HTTP API (invocation, health) on an HTTP/1 port, and the app channel — the app's base
/// address, which the sidecar calls for invocation, subscriptions, topic routes and cron bindings.
/// </summary>
public sealed class MeshSidecar : IAsyncDisposable
{
    private readonly DaprTestMesh mesh;
    private WebApplication? host;
    private HttpClient? appChannel;
    private List<TopicSubscription>? subscriptions;
    private List<string>? actorTypes;

    internal MeshSidecar(DaprTestMesh mesh, string appId, string replicaId, string? appApiToken)
    {
        this.mesh = mesh;
        AppId = appId;
        ReplicaId = replicaId;
        AppApiToken = appApiToken;
        GrpcPort = FreePort.Next();
        HttpPort = FreePort.Next();
        AppPort = FreePort.Next();
    }

    public string AppId { get; }

    /// <summary>Unique per replica: <c>{appId}-{n}</c>.</summary>
    public string ReplicaId { get; }

    /// <summary>The token the sidecar sends the app in <c>dapr-api-token</c> (<c>APP_API_TOKEN</c>), if any.</summary>
    public string? AppApiToken { get; }

    public int GrpcPort { get; private set; }

    public int HttpPort { get; private set; }

    /// <summary>
    /// A loopback port that was free when the sidecar started, for hosts that listen with Kestrel (see
    /// <see cref="AppAddress"/>). A host that binds port 0 instead passes its real address to <see cref="ConnectApp(Uri?)"/>.
    /// </summary>
    public int AppPort { get; }

    public Uri AppAddress => new($"http://127.0.0.1:{AppPort}");

    public string GrpcEndpoint => $"http://127.0.0.1:{GrpcPort}";

    public string HttpEndpoint => $"http://127.0.0.1:{HttpPort}";

    /// <summary>
    /// The settings daprd gives its app (<c>DAPR_GRPC_ENDPOINT</c>, <c>DAPR_HTTP_ENDPOINT</c>, their ports,
    /// <c>APP_API_TOKEN</c>), plus <c>Rose:Runtime=Dapr</c> and <c>urls</c> = <see cref="AppAddress"/>, so that a
    /// Rose host started with them uses its Dapr adapters against this sidecar.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>
            {
                ["DAPR_GRPC_ENDPOINT"] = GrpcEndpoint,
                ["DAPR_HTTP_ENDPOINT"] = HttpEndpoint,
                ["DAPR_GRPC_PORT"] = GrpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["DAPR_HTTP_PORT"] = HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["APP_ID"] = AppId,
                ["Rose:Runtime"] = "Dapr",
                ["urls"] = AppAddress.ToString().TrimEnd('/'),
            };
            if (AppApiToken is not null)
            {
                settings["APP_API_TOKEN"] = AppApiToken;
            }

            return settings;
        }
    }

    internal bool HasApp => appChannel is not null;

    internal HttpClient AppChannel => appChannel ?? throw new InvalidOperationException($"No app is connected to the sidecar of {ReplicaId}.");

    /// <summary>Connects the app channel to an app listening at <paramref name="baseAddress"/> (default: <see cref="AppAddress"/>).</summary>
    public void ConnectApp(Uri? baseAddress = null) =>
        ConnectApp(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(5) }, baseAddress ?? AppAddress);

    /// <summary>Connects the app channel through a handler, e.g. <c>WebApplicationFactory.Server.CreateHandler()</c>.</summary>
    public void ConnectApp(HttpMessageHandler handler, Uri baseAddress)
    {
        var previous = appChannel;
        appChannel = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
        subscriptions = null; // daprd reads /dapr/subscribe and /dapr/config when its app (re)starts
        actorTypes = null;
        previous?.Dispose();
    }

    /// <summary>Forgets the app (as when its process is gone): nothing is delivered to this replica until it connects again.</summary>
    public void DisconnectApp()
    {
        var previous = appChannel;
        appChannel = null;
        subscriptions = null;
        actorTypes = null;
        previous?.Dispose();
    }

    /// <summary>The app's programmatic subscriptions, read once per connection from <c>GET /dapr/subscribe</c> (404 = none).</summary>
    internal async Task<IReadOnlyList<TopicSubscription>> SubscriptionsAsync() =>
        (subscriptions ??= await ReadFromAppAsync("/dapr/subscribe", SubscriptionReader.Parse)) ?? [];

    /// <summary>The actor types the app hosts: <c>entities</c> of <c>GET /dapr/config</c>, read once per connection (404 = none).</summary>
    internal async Task<IReadOnlyList<string>> ActorTypesAsync() =>
        (actorTypes ??= await ReadFromAppAsync("/dapr/config", json =>
        {
            using var config = System.Text.Json.JsonDocument.Parse(json);
            return config.RootElement.TryGetProperty("entities", out var entities) && entities.ValueKind == System.Text.Json.JsonValueKind.Array
                ? [.. entities.EnumerateArray().Select(e => e.GetString()!)]
                : new List<string>();
        })) ?? [];

    /// <summary>What daprd reads from its app when it (re)connects: parsed, empty on a 404, null while the app is not up (read again next time).</summary>
    private async Task<List<T>?> ReadFromAppAsync<T>(string path, Func<string, List<T>> parse)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            AddAppToken(request);
            using var response = await AppChannel.SendAsync(request);
            return response.IsSuccessStatusCode ? parse(await response.Content.ReadAsStringAsync()) : [];
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    internal void AddAppToken(HttpRequestMessage request)
    {
        if (AppApiToken is not null)
        {
            request.Headers.Remove("dapr-api-token");
            request.Headers.TryAddWithoutValidation("dapr-api-token", AppApiToken);
        }
    }

    internal async Task StartAsync()
    {
        // A port picked free can be taken (e.g. as an outgoing connection's ephemeral port) before Kestrel binds it: pick again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await TryStartAsync();
                return;
            }
            catch (IOException) when (attempt < 5)
            {
                GrpcPort = FreePort.Next();
                HttpPort = FreePort.Next();
            }
        }
    }

    private async Task TryStartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(System.Net.IPAddress.Loopback, GrpcPort, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(System.Net.IPAddress.Loopback, HttpPort, listen => listen.Protocols = HttpProtocols.Http1);
        });
        builder.Services.AddGrpc(o => o.MaxReceiveMessageSize = null);
        builder.Services.AddSingleton(new MeshRuntimeService(mesh, this));
        builder.Services.AddSingleton(new MeshTaskHubService(mesh.Workflows(AppId), this));
        var app = builder.Build();
        app.MapGrpcService<MeshRuntimeService>();
        app.MapGrpcService<MeshTaskHubService>();
        // Everything else is the HTTP API; the gRPC routes are literal and win over this catch-all.
        app.Map("/{**path}", context => MeshHttpApi.HandleAsync(context, mesh, this));
        try
        {
            await app.StartAsync();
        }
        catch (IOException)
        {
            await app.DisposeAsync();
            throw;
        }

        host = app;
    }

    public async ValueTask DisposeAsync()
    {
        DisconnectApp();
        if (host is not null)
        {
            await host.StopAsync();
            await host.DisposeAsync();
        }
    }
}
