namespace Rose.Platform.PubSub;

/// <summary>
/// One handler subscribed to one topic. <see cref="Subscriber"/> names it in the idempotency
/// records and the outbox, so it must stay stable across releases.
/// </summary>
public sealed record EventSubscription(
    string Topic,
    Type EventType,
    string Subscriber,
    Func<IServiceProvider, IntegrationEvent, CancellationToken, Task> Handle);
