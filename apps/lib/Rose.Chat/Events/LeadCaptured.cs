using Rose.Platform.PubSub;

namespace Rose.Chat.Events;

/// <summary>
/// A visitor left an e-mail address through the widget (staged with the lead's row). Carries ids, no
/// personal data: a consumer (the CRM sync, the tenant's webhooks) reads the address through the tenant's own records.
/// </summary>
/// <param name="ConversationId">The conversation the address was left in, when the widget said.</param>
[EventTopic(ChatTopics.LeadCaptured)]
public sealed record LeadCaptured(string TenantId, string LeadId, string? ConversationId)
    : IntegrationEvent(TenantId);
