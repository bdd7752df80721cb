namespace Rose.Testing.Dapr.Mesh;

/// <summary>One POST of a CloudEvent to one replica's topic route, and what daprd made of the answer.</summary>
public sealed record DeliveryAttempt(
    string EventId,
    string PubSubName,
    string Topic,
    string AppId,
    string ReplicaId,
    string Route,
    int Attempt,
    DeliveryResult Result,
    int? StatusCode);
