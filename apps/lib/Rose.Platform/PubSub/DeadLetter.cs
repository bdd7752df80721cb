namespace Rose.Platform.Embedded.PubSub;

/// <summary>A delivery that was given up on, as the admin endpoint lists it.</summary>
public sealed record DeadLetter(
    long Id,
    string EventId,
    string TenantId,
    string Topic,
    string Subscriber,
    int Attempts,
    string? LastError,
    DateTimeOffset DeadAt,
    string CloudEvent);
