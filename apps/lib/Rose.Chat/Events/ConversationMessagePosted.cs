using Rose.Platform.PubSub;

namespace Rose.Chat.Events;

/// <summary>A message was added to a conversation (search publishes it after persisting the turn).</summary>
[EventTopic(ChatTopics.ConversationMessage)]
public sealed record ConversationMessagePosted(string TenantId, string ConversationId, string MessageId, string Role, DateTimeOffset PostedAt)
    : IntegrationEvent(TenantId);
