using System.Text.Json;
using Microsoft.Extensions.Logging;
using Rose.Platform.PubSub;
using Rose.Storage;

namespace Rose.Platform.Embedded.PubSub;

/// <summary>
/// Embedded pub/sub: the CloudEvent is written to the outbox, one row per subscriber of its topic
/// in this process, before <see cref="PublishAsync{TEvent}"/> returns; the dispatcher delivers it.
/// </summary>
public sealed class OutboxEventPublisher(OutboxStore outbox, SubscriptionCatalog subscriptions, ILogger<OutboxEventPublisher> logger) : IEventPublisher
{
    public const string PubSubName = "embedded";

    public const string Source = "rose";

    public async Task PublishAsync<TEvent>(TEvent integrationEvent, CancellationToken cancellationToken = default)
        where TEvent : IntegrationEvent
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        TenantIds.EnsureValid(integrationEvent.TenantId);
        var topic = Topics.For(integrationEvent.GetType());
        var subscribers = subscriptions.ForTopic(topic).Select(s => s.Subscriber).ToList();
        if (subscribers.Count == 0)
        {
            // Like a broker without subscribers: nobody to deliver to in this process.
            logger.LogDebug("No subscriber for {Topic} in this process; event {EventId} not queued.", topic, integrationEvent.Id);
            return;
        }

        var cloudEvent = CloudEventEnvelope.For(integrationEvent, topic, PubSubName, Source);
        await outbox.EnqueueAsync(
            cloudEvent.Id,
            integrationEvent.TenantId,
            topic,
            subscribers,
            JsonSerializer.Serialize(cloudEvent, PlatformJson.Options),
            cancellationToken);
    }
}
