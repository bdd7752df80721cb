using Microsoft.Extensions.Logging;

namespace Rose.Knowledge.Events;

/// <summary>
/// Default publisher while no pub/sub port is registered: one process (standalone, tests) has a
/// single cache, which the loading steps refresh themselves, so there is nobody else to tell.
/// </summary>
public sealed class LoggingKnowledgeEventPublisher(ILogger<LoggingKnowledgeEventPublisher> logger) : IKnowledgeEventPublisher
{
    public Task PublishAsync(KnowledgeUpdated knowledgeUpdated, CancellationToken cancellationToken)
    {
        logger.LogDebug("{Topic}: tenant {TenantId}, document {DocumentId} {Change}",
            KnowledgeUpdated.Topic, knowledgeUpdated.TenantId, knowledgeUpdated.DocumentId, knowledgeUpdated.Change);
        return Task.CompletedTask;
    }
}
