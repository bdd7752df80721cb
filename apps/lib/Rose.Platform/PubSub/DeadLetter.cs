namespace Rose.Platform.PubSub;

/// <summary>
/// An event a subscriber was given up on, as the staff endpoints list it on both runtimes. Embedded:
/// the delivery's subscriber, attempts and last error are known. Dapr: the sidecar forwards the event to
/// <c>{topic}.dead-letter</c> without saying which subscriber failed or why, so those are null there.
/// <see cref="CloudEvent"/> is the CloudEvent JSON; <see cref="DeadAt"/> when it was given up on (Dapr: received).
/// </summary>
public sealed record DeadLetter(
    long Id,
    string EventId,
    string TenantId,
    string Topic,
    string? Subscriber,
    int? Attempts,
    string? LastError,
    DateTimeOffset DeadAt,
    string CloudEvent);
