namespace Rose.Platform.Embedded.PubSub;

/// <summary>One pending delivery of one event to one subscriber.</summary>
public sealed record OutboxDelivery(long Id, string EventId, string TenantId, string Topic, string Subscriber, string CloudEvent, int Attempts);
