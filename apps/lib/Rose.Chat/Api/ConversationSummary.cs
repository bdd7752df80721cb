namespace Rose.Chat.Api;

/// <summary>One conversation as a marketer lists it: who came (company when known), from which site, what they asked first.</summary>
public sealed record ConversationSummary(
    string ConversationId,
    string? VisitorCompany,
    string? Origin,
    int MessageCount,
    string? FirstQuestion,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastActivityAt,
    bool Ended);
