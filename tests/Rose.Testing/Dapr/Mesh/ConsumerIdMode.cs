namespace Rose.Testing.Dapr.Mesh;

/// <summary>
/// How a pub/sub component's <c>consumerID</c> groups subscribers. In components-contrib
/// <c>pubsub/redis</c> the consumerID names the Redis Streams consumer group: replicas sharing a
/// group split the stream (each message reaches one of them), separate groups each get every message.
/// </summary>
public enum ConsumerIdMode
{
    /// <summary><c>consumerID: "{appID}"</c> (daprd's default): one replica of each app-id gets each event.</summary>
    PerAppId,

    /// <summary><c>consumerID: "{uuid}"</c> or <c>"{podName}"</c>: every replica gets every event.</summary>
    PerReplica,
}
