using System.Text.Json;
using Microsoft.Extensions.Logging;
using Rose.Platform.PubSub;
using Rose.Storage.Outbox;

namespace Rose.Platform.Embedded.PubSub;

/// <summary>
/// Embedded pub/sub: a staged event becomes one delivery row per subscriber of its topic in this
/// process (<c>platform.db</c>), which the dispatcher delivers with retries and dead letters. Sending
/// the same event twice queues nothing new while its deliveries are pending (unique per event and
/// subscriber), and handlers deduplicate after that.
/// </summary>
public sealed class InProcessOutboxTransport(OutboxStore outbox, SubscriptionCatalog subscriptions, ILogger<InProcessOutboxTransport> logger) : IOutboxTransport
{
    public const string PubSubName = "embedded";

    public const string Source = "rose";

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var subscribers = subscriptions.ForTopic(message.Topic).Select(s => s.Subscriber).ToList();
        if (subscribers.Count == 0)
        {
            // Like a broker without subscribers: nobody to deliver to in this process.
            logger.LogDebug("No subscriber for {Topic} in this process; event {EventId} not queued.", message.Topic, message.EventId);
            return;
        }

        using var payload = JsonDocument.Parse(message.Payload);
        var cloudEvent = new CloudEventEnvelope
        {
            Id = message.EventId,
            Source = Source,
            Type = message.EventType,
            Time = DateTimeOffset.FromUnixTimeMilliseconds(message.CreatedAt),
            Topic = message.Topic,
            PubSubName = PubSubName,
            TraceParent = message.TraceParent,
            Data = payload.RootElement.Clone(),
        };
        await outbox.EnqueueAsync(message.EventId, message.TenantId, message.Topic, subscribers, JsonSerializer.Serialize(cloudEvent, PlatformJson.Options), cancellationToken);
    }
}
