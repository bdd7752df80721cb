using Rose.Platform.PubSub;

namespace Rose.Platform.Tests.Support;

[EventTopic(SampleTopics.ConversationMessage)]
public sealed record SampleMessagePosted(string TenantId, string ConversationId, string MessageId, string Role, DateTimeOffset PostedAt)
    : IntegrationEvent(TenantId);
