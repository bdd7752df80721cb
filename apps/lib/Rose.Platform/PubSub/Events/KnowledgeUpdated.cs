using Rose.Platform.Dapr;

namespace Rose.Platform.PubSub.Events;

/// <summary>
/// A tenant's knowledge base changed (documents indexed or removed): every replica that caches the
/// tenant's index refreshes it, so the event is broadcast, not shared among replicas.
/// </summary>
[EventTopic(Topics.KnowledgeUpdated, PubSubName = DaprComponents.BroadcastPubSub)]
public sealed record KnowledgeUpdated(string TenantId, IReadOnlyList<string> DocumentIds)
    : IntegrationEvent(TenantId);
