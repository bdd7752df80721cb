using Rose.Knowledge.Events;
using Rose.Platform.PubSub;
using PlatformKnowledgeUpdated = Rose.Platform.PubSub.Events.KnowledgeUpdated;

namespace Rose.Workflows.Adapters;

/// <summary>Publishes <c>knowledge.updated</c> through Rose.Platform's pub/sub port (Dapr, or the embedded outbox).</summary>
public sealed class PlatformKnowledgeEventPublisher(IEventPublisher events) : IKnowledgeEventPublisher
{
    public Task PublishAsync(KnowledgeUpdated knowledgeUpdated, CancellationToken cancellationToken) =>
        events.PublishAsync(new PlatformKnowledgeUpdated(knowledgeUpdated.TenantId, [knowledgeUpdated.DocumentId]), cancellationToken);
}
