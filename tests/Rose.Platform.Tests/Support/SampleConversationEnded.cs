using Rose.Platform.PubSub;

namespace Rose.Platform.Tests.Support;

[EventTopic(SampleTopics.ConversationEnded)]
public sealed record SampleConversationEnded(string TenantId, string ConversationId, DateTimeOffset LastActivityAt, string Reason)
    : IntegrationEvent(TenantId);
