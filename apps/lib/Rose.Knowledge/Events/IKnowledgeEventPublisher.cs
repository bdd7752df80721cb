namespace Rose.Knowledge.Events;

/// <summary>Publishes <see cref="KnowledgeUpdated"/> to other processes (pub/sub); the local cache is refreshed directly.</summary>
public interface IKnowledgeEventPublisher
{
    Task PublishAsync(KnowledgeUpdated knowledgeUpdated, CancellationToken cancellationToken);
}
