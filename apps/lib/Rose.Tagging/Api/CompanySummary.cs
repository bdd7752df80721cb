namespace Rose.Tagging.Api;

/// <summary>
/// A company that visited: its composite id (<c>tenant:domain</c>), how often, how hot at best, when
/// last; its firmographics and how it was identified, as its latest identification that knew them.
/// </summary>
public sealed record CompanySummary(
    string Id, string Name, string Domain, int Conversations, int Visitors, int BestScore, DateTimeOffset LastSeen,
    string? Industry = null, int? Employees = null, string? Country = null, string? MatchedBy = null, double? Confidence = null);
