namespace Rose.Testing.Dapr.Mesh;

/// <summary>The components a <see cref="DaprTestMesh"/> serves and how it delivers events.</summary>
public sealed class DaprTestMeshOptions
{
    /// <summary>A Redis (<c>host:port</c>, e.g. <see cref="RedisServer.ConnectionString"/>) for the state stores; null keeps them in memory with the same rules.</summary>
    public string? RedisConnectionString { get; set; }

    public List<PubSubComponent> PubSubs { get; } = [new("pubsub")];

    public List<StateStoreComponent> StateStores { get; } = [new("statestore")];

    /// <summary>The state store with <c>actorStateStore: "true"</c> (one of <see cref="StateStores"/>), where actor state is kept.</summary>
    public string ActorStateStore { get; set; } = "statestore";

    /// <summary>Output bindings of type <c>bindings.localstorage</c>; when empty, <c>blobstore</c> is served from a temporary folder removed on dispose.</summary>
    public List<BlobBindingComponent> BlobBindings { get; } = [];

    /// <summary>The inbound retry policy of every subscription; see <see cref="DeliveryRetryPolicy.FromResiliencyFile"/> for Rose's own.</summary>
    public DeliveryRetryPolicy DeliveryRetry { get; set; } = DeliveryRetryPolicy.FastForTests;

    public TimeProvider Clock { get; set; } = TimeProvider.System;
}
