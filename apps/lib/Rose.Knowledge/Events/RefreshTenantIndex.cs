using Rose.Knowledge.Retrieval;
using Rose.Platform.PubSub;

namespace Rose.Knowledge.Events;

/// <summary>
/// On <c>knowledge.updated</c>, builds this process's next snapshot of the tenant in the background
/// (searches keep the previous one until it is ready), when this process holds one and did not
/// commit the change itself (then it refreshed already).
/// </summary>
public sealed class RefreshTenantIndex(KnowledgeIndexCache cache) : IIntegrationEventHandler<KnowledgeUpdated>
{
    public Task HandleAsync(KnowledgeUpdated integrationEvent, CancellationToken cancellationToken)
    {
        if (!cache.IsRefreshedLocally(integrationEvent.Id))
        {
            cache.Invalidate(integrationEvent.TenantId);
        }

        return Task.CompletedTask;
    }
}
