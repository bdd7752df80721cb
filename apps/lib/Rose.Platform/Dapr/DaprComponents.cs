namespace Rose.Platform.Dapr;

/// <summary>
/// The Dapr component names the adapters use; each is a file in <c>components/</c> with the same
/// <c>metadata.name</c> (a test checks both ways).
/// </summary>
public static class DaprComponents
{
    /// <summary><c>components/statestore.yaml</c>: state.redis, also the actor/workflow state store.</summary>
    public const string StateStore = "statestore";

    /// <summary><c>components/pubsub.yaml</c>: pubsub.redis (Redis Streams).</summary>
    public const string PubSub = "pubsub";

    /// <summary>
    /// <c>components/pubsub-broadcast.yaml</c>: pubsub.redis with a consumer group per sidecar, so that every
    /// replica gets every event (events marked with it in <see cref="PubSub.EventTopicAttribute.PubSubName"/>).
    /// </summary>
    public const string BroadcastPubSub = "pubsub-broadcast";

    /// <summary><c>components/blobstore.yaml</c>: bindings.localstorage by default; S3, R2 or GCS in production.</summary>
    public const string BlobStore = "blobstore";

    /// <summary><c>components/secretstore.yaml</c>: where the other components read their passwords.</summary>
    public const string SecretStore = "secretstore";

    public static IReadOnlyList<string> All { get; } = [StateStore, PubSub, BroadcastPubSub, BlobStore, SecretStore];
}
