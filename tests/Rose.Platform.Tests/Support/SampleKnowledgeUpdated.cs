using Rose.Platform.PubSub;

namespace Rose.Platform.Tests.Support;

[EventTopic(SampleTopics.KnowledgeUpdated)]
public sealed record SampleKnowledgeUpdated(string TenantId, IReadOnlyList<string> DocumentIds)
    : IntegrationEvent(TenantId);
