using Microsoft.Extensions.Logging;
using Rose.Chat.Events;
using Rose.Platform.PubSub;
using Rose.Storage;

namespace Rose.Tagging.EventHandling;

/// <summary>Tags and scores a conversation when it ends. The platform runs it at most once per event; the tagger is idempotent per conversation beyond that.</summary>
public sealed class ConversationEndedTagging(ConversationTagger tagger, ICurrentTenant currentTenant, ILogger<ConversationEndedTagging> logger)
    : IIntegrationEventHandler<ConversationEnded>
{
    public async Task HandleAsync(ConversationEnded integrationEvent, CancellationToken cancellationToken)
    {
        using (currentTenant.Use(integrationEvent.TenantId))
        {
            var outcome = await tagger.TagAsync(integrationEvent.ConversationId, TaggingMode.IfChanged, cancellationToken);
            if (outcome == TaggingOutcome.NotFound)
            {
                // Nothing will make it appear later (conversations are stored before they can end): not worth a retry.
                logger.LogWarning("Conversation {ConversationId} of {TenantId} ended but has nothing to tag", integrationEvent.ConversationId, integrationEvent.TenantId);
            }
        }
    }
}
