namespace Rose.Platform.PubSub.Events;

/// <summary>A conversation ended (closed by the visitor, or idle for too long): time to tag and score it.</summary>
[EventTopic(Topics.ConversationEnded)]
public sealed record ConversationEnded(string TenantId, string ConversationId, DateTimeOffset LastActivityAt, string Reason)
    : IntegrationEvent(TenantId);
