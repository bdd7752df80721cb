namespace Rose.Crm.HubSpot.Sync;

/// <summary>What Rose knows of one lead when it pushes it: read from Rose.Chat's and Rose.Tagging's records of the tenant.</summary>
public sealed record HubSpotLead(
    string Email,
    string? Name,
    string? ConversationId,
    string? FirstQuestion,
    int? Score,
    string? Intent,
    string? Stage,
    IReadOnlyList<Tagging.Scoring.ScoreFactor> Factors,
    string? CompanyDomain,
    string? CompanyName);
