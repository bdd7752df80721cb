using Rose.Platform.PubSub;

namespace Rose.Analytics.Events;

/// <summary>A conversion was recorded (published once per external id, in the transaction that stored it).</summary>
/// <param name="ConversationId">The conversation it is attributed to; null when the visitor had none within 30 days.</param>
[EventTopic(AnalyticsTopics.ConversionRecorded)]
public sealed record ConversionRecorded(
    string TenantId,
    string ConversionId,
    string Type,
    string ExternalId,
    string? VisitorId,
    string? ConversationId,
    string? SkillId,
    decimal? Value,
    DateTimeOffset OccurredAt) : IntegrationEvent(TenantId);
