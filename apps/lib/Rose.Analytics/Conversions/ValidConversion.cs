namespace Rose.Analytics.Conversions;

/// <summary>A conversion request that passed validation and authentication.</summary>
public sealed record ValidConversion(string Type, string ExternalId, string? VisitorId, string? ConversationId, DateTimeOffset OccurredAt, decimal? Value);
