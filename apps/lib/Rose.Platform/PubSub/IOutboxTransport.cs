using Rose.Storage.Outbox;

namespace Rose.Platform.PubSub;

/// <summary>
/// Where the outbox drainer hands a staged event: Dapr pub/sub through the sidecar, or the embedded
/// runtime's in-process delivery queue. Throw to have the row retried later; sending the same row
/// twice must be harmless (the CloudEvent id stays the event's id, and consumers deduplicate by it).
/// </summary>
public interface IOutboxTransport
{
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}
