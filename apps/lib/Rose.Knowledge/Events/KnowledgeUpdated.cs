using Rose.Platform.PubSub;

namespace Rose.Knowledge.Events;

/// <summary>
/// Integration event: a tenant's knowledge changed (a document indexed, replaced or deleted).
/// Search replicas drop their snapshot of that tenant when they receive it.
/// </summary>
/// <param name="DocumentId">The composite id (<c>tenant:local</c>) of the document that changed.</param>
/// <param name="Change"><see cref="Indexed"/> or <see cref="Deleted"/>.</param>
[EventTopic(KnowledgeTopics.KnowledgeUpdated)]
public sealed record KnowledgeUpdated(string TenantId, string DocumentId, string Change) : IntegrationEvent(TenantId)
{
    public const string Indexed = "indexed";
    public const string Deleted = "deleted";
}
