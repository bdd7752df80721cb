using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Rose.Testing.Dapr.Mesh;

/// <summary>
/// Several fake daprd sidecars joined as one Dapr installation, for tests that run several real app
/// hosts together: one <see cref="MeshSidecar"/> per replica of an app-id, service invocation between
/// app-ids, one broker for pub/sub, shared state stores (on a real Redis when given), local-storage
/// output bindings, cron input bindings fired by the test, and a workflow engine per app-id driving the
/// app's real Dapr.Workflow worker. What it models, and what not, is listed in tests/Rose.Testing/README.md.
/// </summary>
public sealed class DaprTestMesh : IAsyncDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<string, List<MeshSidecar>> replicas = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, MeshWorkflowEngine> engines = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> invocationTurns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IMeshStateStore> stateStores = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LocalStorageBinding> bindings = new(StringComparer.Ordinal);
    private string? temporaryBlobRoot;

    private DaprTestMesh(DaprTestMeshOptions options)
    {
        Options = options;
        PubSub = new MeshPubSub(this);
        Actors = new MeshActors(this);
    }

    public DaprTestMeshOptions Options { get; }

    public MeshPubSub PubSub { get; }

    internal MeshActors Actors { get; }

    /// <summary>Every actor method call routed, in order, with the replica that ran it.</summary>
    public IReadOnlyCollection<(string ActorType, string ActorId, string Method, string ReplicaId)> ActorCalls => Actors.Calls;

    /// <summary>Every service invocation routed, in order.</summary>
    public ConcurrentQueue<MeshInvocation> Invocations { get; } = new();

    internal TimeProvider Clock => Options.Clock;

    internal CancellationToken Stopping => stopping.Token;

    internal IEnumerable<MeshSidecar> AllReplicas => replicas.Values.SelectMany(r => { lock (r) { return r.ToList(); } });

    public static async Task<DaprTestMesh> StartAsync(DaprTestMeshOptions? options = null)
    {
        var mesh = new DaprTestMesh(options ?? new DaprTestMeshOptions());
        foreach (var store in mesh.Options.StateStores)
        {
            mesh.stateStores[store.Name] = mesh.Options.RedisConnectionString is { } redis
                ? await RedisMeshStateStore.ConnectAsync(redis)
                : new InMemoryMeshStateStore(mesh.Clock);
        }

        if (mesh.Options.BlobBindings.Count == 0)
        {
            mesh.temporaryBlobRoot = Directory.CreateTempSubdirectory("rose-mesh-blobs-").FullName;
            mesh.Options.BlobBindings.Add(new BlobBindingComponent("blobstore", mesh.temporaryBlobRoot));
        }

        foreach (var binding in mesh.Options.BlobBindings)
        {
            Directory.CreateDirectory(binding.RootPath);
            mesh.bindings[binding.Name] = new LocalStorageBinding(binding.RootPath);
        }

        return mesh;
    }

    /// <summary>
    /// Starts the sidecar of one more replica of <paramref name="appId"/>. Start the app with the sidecar's
    /// <see cref="MeshSidecar.Settings"/>, then <see cref="MeshSidecar.ConnectApp(Uri?)"/> it.
    /// </summary>
    public async Task<MeshSidecar> AddSidecarAsync(string appId, string? appApiToken = null)
    {
        var list = replicas.GetOrAdd(appId, _ => []);
        MeshSidecar sidecar;
        lock (list)
        {
            sidecar = new MeshSidecar(this, appId, $"{appId}-{list.Count + 1}", appApiToken);
            list.Add(sidecar);
        }

        await sidecar.StartAsync();
        return sidecar;
    }

    public IReadOnlyList<MeshSidecar> Replicas(string appId)
    {
        if (!replicas.TryGetValue(appId, out var list))
        {
            return [];
        }

        lock (list)
        {
            return [.. list];
        }
    }

    /// <summary>The workflow engine of <paramref name="appId"/>: its instances, their history and payload sizes.</summary>
    public MeshWorkflowEngine Workflows(string appId) =>
        engines.GetOrAdd(appId, id => new MeshWorkflowEngine(id, Clock, stopping.Token));

    /// <summary>The folder a local-storage binding writes to.</summary>
    public string BlobRoot(string bindingName = "blobstore") => Binding(bindingName).RootPath;

    /// <summary>
    /// Publishes as <paramref name="fromAppId"/>'s sidecar would on <c>PublishEvent</c> with JSON data
    /// (for tests that need an event without a publishing app).
    /// </summary>
    public PublishedEvent Publish(string fromAppId, string pubSubName, string topic, object data, IReadOnlyDictionary<string, string>? metadata = null) =>
        PubSub.Publish(fromAppId, pubSubName, topic, JsonSerializer.SerializeToUtf8Bytes(data, data.GetType()), "application/json", metadata ?? new Dictionary<string, string>(), null, null);

    /// <summary>
    /// What a <c>bindings.cron</c> component does when its schedule fires, on every replica of the app-id
    /// (each sidecar runs its own cron): components-contrib <c>bindings/cron/cron.go</c> hands daprd an event
    /// with no data and the metadata <c>timeZone</c> and <c>readTimeUTC</c>; dapr/dapr
    /// <c>pkg/runtime/processor/binding/send.go</c> POSTs it to <c>/{route or binding name}</c> with content type
    /// <c>application/json</c> and the metadata as headers. Returns each replica's status code.
    /// </summary>
    public async Task<IReadOnlyList<HttpStatusCode>> FireCronAsync(string appId, string bindingName, string? route = null)
    {
        var statuses = new List<HttpStatusCode>();
        foreach (var replica in Replicas(appId).Where(r => r.HasApp))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/" + (route ?? bindingName).TrimStart('/'))
            {
                Content = new ByteArrayContent([]),
            };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            request.Headers.TryAddWithoutValidation("timeZone", "Local");
            // Go's time.Time.String() of time.Now().UTC().
            request.Headers.TryAddWithoutValidation("readTimeUTC", Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fffffff '+0000 UTC'", CultureInfo.InvariantCulture));
            replica.AddAppToken(request);
            using var response = await replica.AppChannel.SendAsync(request, stopping.Token);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    internal MeshSidecar? PickReplica(string appId)
    {
        var connected = Replicas(appId).Where(r => r.HasApp).ToList();
        if (connected.Count == 0)
        {
            return null;
        }

        var turn = invocationTurns.AddOrUpdate(appId, 0, (_, n) => n + 1);
        return connected[turn % connected.Count];
    }

    internal void RecordInvocation(MeshInvocation invocation) => Invocations.Enqueue(invocation);

    internal PubSubComponent PubSubComponent(string name) =>
        Options.PubSubs.FirstOrDefault(p => p.Name == name)
        ?? throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.InvalidArgument, $"pubsub {name} is not found"));

    internal StateStoreComponent StateStoreComponent(string name) =>
        Options.StateStores.FirstOrDefault(s => s.Name == name)
        ?? throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.InvalidArgument, $"state store {name} is not found"));

    internal IMeshStateStore StateStore(string name)
    {
        StateStoreComponent(name);
        return stateStores[name];
    }

    internal LocalStorageBinding Binding(string name) =>
        bindings.TryGetValue(name, out var binding)
            ? binding
            : throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.InvalidArgument, $"output binding {name} is not found"));

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        foreach (var engine in engines.Values)
        {
            engine.CloseAllStreams();
        }

        foreach (var sidecar in AllReplicas)
        {
            await sidecar.DisposeAsync();
        }

        foreach (var store in stateStores.Values)
        {
            await store.DisposeAsync();
        }

        if (temporaryBlobRoot is not null && Directory.Exists(temporaryBlobRoot))
        {
            Directory.Delete(temporaryBlobRoot, recursive: true);
        }

        stopping.Dispose();
    }
}
