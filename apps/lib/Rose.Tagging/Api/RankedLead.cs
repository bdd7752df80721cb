namespace Rose.Tagging.Api;

/// <summary>
/// One row of the hottest-first leads list: the conversation's score with its factors, its intent and
/// stage, its company, the e-mail the visitor left (if any), the consent the widget recorded for
/// identification (null: the page did not ask) and the visitor's first question.
/// </summary>
public sealed record RankedLead(
    string ConversationId,
    string Intent,
    string Stage,
    ScoreView Score,
    CompanyMatchView? Company,
    string? Email,
    bool? Consent,
    string? FirstQuestion,
    DateTimeOffset LastActivityAt);
