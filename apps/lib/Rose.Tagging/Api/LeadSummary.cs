namespace Rose.Tagging.Api;

/// <summary>One row of the leads list: the conversation, its labels, score and company.</summary>
public sealed record LeadSummary(
    string ConversationId,
    string Intent,
    string Stage,
    IReadOnlyList<string> Tags,
    int Score,
    CompanyMatchView? Company,
    DateTimeOffset LastActivityAt);
