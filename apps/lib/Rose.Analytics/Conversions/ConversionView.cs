namespace Rose.Analytics.Conversions;

/// <summary>A recorded conversion and what it was attributed to.</summary>
public sealed record ConversionView(string Id, string Type, string ExternalId, string? ConversationId, string? SkillId, decimal? Value, DateTimeOffset OccurredAt);
