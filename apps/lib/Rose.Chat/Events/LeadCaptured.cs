using Rose.Platform.PubSub;

namespace Rose.Chat.Events;

/// <summary>A visitor left an e-mail address through the widget. Ids only: consumers read the lead through the tenant's records.</summary>
[EventTopic(ChatTopics.LeadCaptured)]
public sealed record LeadCaptured(string TenantId, string LeadId, string? ConversationId)
    : IntegrationEvent(TenantId);
