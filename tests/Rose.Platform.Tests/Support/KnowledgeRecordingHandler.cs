using Rose.Platform.PubSub;
using Rose.Knowledge.Events;

namespace Rose.Platform.Tests.Support;

/// <summary>Records each knowledge.updated it handles under "knowledge:{tenantId}".</summary>
public sealed class KnowledgeRecordingHandler(CallLog log) : IIntegrationEventHandler<KnowledgeUpdated>
{
    public Task HandleAsync(KnowledgeUpdated integrationEvent, CancellationToken cancellationToken)
    {
        log.Record("knowledge:" + integrationEvent.TenantId);
        return Task.CompletedTask;
    }
}
