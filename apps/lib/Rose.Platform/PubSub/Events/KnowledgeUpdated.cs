namespace Rose.Platform.PubSub.Events;

/// <summary>A tenant's knowledge base changed (documents indexed or removed): search refreshes that tenant's index.</summary>
[EventTopic(Topics.KnowledgeUpdated)]
public sealed record KnowledgeUpdated(string TenantId, IReadOnlyList<string> DocumentIds)
    : IntegrationEvent(TenantId);
