namespace Rose.Testing.Dapr.Mesh;

/// <summary>
/// An event one app-id's subscription never took: retries exhausted without a dead-letter topic (daprd
/// then hands the error back to the component, which keeps it pending), or sent to a dead-letter topic
/// nobody subscribes to (the broker keeps it there).
/// </summary>
public sealed record UndeliveredEvent(string EventId, string PubSubName, string Topic, string AppId, string Reason);
