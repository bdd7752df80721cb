using Rose.Platform.Dapr;
using Rose.Platform.PubSub;

namespace Rose.Knowledge.Events;

/// <summary>
/// Integration event: a tenant's knowledge changed (a document indexed, replaced or deleted).
/// Every search replica drops its snapshot of that tenant when it receives it: on Dapr the event
/// travels on the broadcast component, where each sidecar is its own consumer group.
/// </summary>
/// <param name="DocumentId">The composite id (<c>tenant:local</c>) of the document that changed.</param>
/// <param name="Change"><see cref="Indexed"/> or <see cref="Deleted"/>.</param>
[EventTopic(KnowledgeTopics.KnowledgeUpdated, PubSubName = DaprComponents.BroadcastPubSub)]
public sealed record KnowledgeUpdated(string TenantId, string DocumentId, string Change) : IntegrationEvent(TenantId)
{
    public const string Indexed = "indexed";
    public const string Deleted = "deleted";
}
