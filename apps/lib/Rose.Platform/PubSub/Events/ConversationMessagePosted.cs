namespace Rose.Platform.PubSub.Events;

/// <summary>A message was added to a conversation (search publishes it after persisting the turn).</summary>
[EventTopic(Topics.ConversationMessage)]
public sealed record ConversationMessagePosted(string TenantId, string ConversationId, string MessageId, string Role, DateTimeOffset PostedAt)
    : IntegrationEvent(TenantId);
