using Rose.Platform.PubSub;

namespace Rose.Tagging.Events;

/// <summary>
/// A visitor became a hot lead. Carries ids and the score, no personal data: a consumer (the CRM sync)
/// reads the e-mail and transcript through the tenant's own records.
/// </summary>
/// <param name="VisitorKey">Who the lead is across conversations (see <c>TaggedConversation.VisitorKey</c>).</param>
/// <param name="CompanyDomain">The company's domain when identified.</param>
[EventTopic(TaggingTopics.LeadQualified)]
public sealed record LeadQualified(string TenantId, string ConversationId, string VisitorKey, int Score, string? CompanyDomain)
    : IntegrationEvent(TenantId);
