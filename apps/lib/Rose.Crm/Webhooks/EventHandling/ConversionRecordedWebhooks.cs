using Rose.Analytics.Events;
using Rose.Platform.PubSub;
using Rose.Storage;

namespace Rose.Crm.Webhooks.EventHandling;

/// <summary><c>conversion.recorded</c> → the tenant's webhooks. Data: <c>{conversionId, type, externalId, visitorId, conversationId, skillId, value, occurredAt}</c>.</summary>
public sealed class ConversionRecordedWebhooks(WebhookRelay relay) : IIntegrationEventHandler<ConversionRecorded>
{
    public Task HandleAsync(ConversionRecorded e, CancellationToken cancellationToken) =>
        relay.RelayAsync(e.TenantId, e.Id, WebhookEvents.ConversionRecorded, e.CreatedAt, new
        {
            conversionId = TenantIds.Compose(e.TenantId, e.ConversionId),
            type = e.Type,
            externalId = e.ExternalId,
            visitorId = e.VisitorId,
            conversationId = e.ConversationId is { } c ? TenantIds.Compose(e.TenantId, c) : null,
            skillId = e.SkillId,
            value = e.Value,
            occurredAt = e.OccurredAt,
        }, cancellationToken);
}
