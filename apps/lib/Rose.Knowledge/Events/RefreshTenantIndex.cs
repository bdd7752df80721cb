using Rose.Knowledge.Retrieval;
using Rose.Platform.PubSub;

namespace Rose.Knowledge.Events;

/// <summary>On <c>knowledge.updated</c>, drops this process's snapshot of the tenant; its next search loads the new state.</summary>
public sealed class RefreshTenantIndex(KnowledgeIndexCache cache) : IIntegrationEventHandler<KnowledgeUpdated>
{
    public Task HandleAsync(KnowledgeUpdated integrationEvent, CancellationToken cancellationToken)
    {
        cache.Invalidate(integrationEvent.TenantId);
        return Task.CompletedTask;
    }
}
