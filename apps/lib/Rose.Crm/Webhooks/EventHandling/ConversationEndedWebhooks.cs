using Rose.Chat.Events;
using Rose.Platform.PubSub;
using Rose.Storage;

namespace Rose.Crm.Webhooks.EventHandling;

/// <summary><c>conversation.ended</c> → the tenant's webhooks. Data: <c>{conversationId, lastActivityAt, reason}</c>.</summary>
public sealed class ConversationEndedWebhooks(WebhookRelay relay) : IIntegrationEventHandler<ConversationEnded>
{
    public Task HandleAsync(ConversationEnded e, CancellationToken cancellationToken) =>
        relay.RelayAsync(e.TenantId, e.Id, WebhookEvents.ConversationEnded, e.CreatedAt, new
        {
            conversationId = TenantIds.Compose(e.TenantId, e.ConversationId),
            lastActivityAt = e.LastActivityAt,
            reason = e.Reason,
        }, cancellationToken);
}
