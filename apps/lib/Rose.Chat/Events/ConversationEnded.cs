using Rose.Platform.PubSub;

namespace Rose.Chat.Events;

/// <summary>A conversation ended (closed by the visitor, or idle for too long): time to tag and score it.</summary>
[EventTopic(ChatTopics.ConversationEnded)]
public sealed record ConversationEnded(string TenantId, string ConversationId, DateTimeOffset LastActivityAt, string Reason)
    : IntegrationEvent(TenantId);
