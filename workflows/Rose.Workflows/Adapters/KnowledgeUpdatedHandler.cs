using Rose.Knowledge.Retrieval;
using Rose.Platform.PubSub;
using PlatformKnowledgeUpdated = Rose.Platform.PubSub.Events.KnowledgeUpdated;

namespace Rose.Workflows.Adapters;

/// <summary>On <c>knowledge.updated</c>, drops this process's snapshot of the tenant; the next search loads the new state.</summary>
public sealed class KnowledgeUpdatedHandler(KnowledgeIndexCache cache) : IIntegrationEventHandler<PlatformKnowledgeUpdated>
{
    public Task HandleAsync(PlatformKnowledgeUpdated integrationEvent, CancellationToken cancellationToken)
    {
        cache.Invalidate(integrationEvent.TenantId);
        return Task.CompletedTask;
    }
}
