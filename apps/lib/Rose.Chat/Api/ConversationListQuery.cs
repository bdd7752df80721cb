namespace Rose.Chat.Api;

/// <summary>The query string of <c>GET /api/v1/conversations</c>.</summary>
public sealed record ConversationListQuery(
    string? After,
    int? Limit,
    DateTimeOffset? From,
    DateTimeOffset? To,
    bool? Answered,
    bool? Email,
    string? Company,
    string? Origin,
    string? Q);
