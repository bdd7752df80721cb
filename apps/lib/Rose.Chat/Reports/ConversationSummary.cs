namespace Rose.Chat.Reports;

/// <summary>
/// One conversation as a marketer lists it: who came (company when known), from which site and
/// page, what they asked first, whether every question was answered and whether they left an e-mail.
/// </summary>
public sealed record ConversationSummary(
    string ConversationId,
    string? VisitorCompany,
    string? Origin,
    string? Page,
    int MessageCount,
    string? FirstQuestion,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastActivityAt,
    bool Ended,
    bool Unanswered,
    bool EmailLeft);
