namespace Rose.Tagging.Api;

/// <summary>A company that visited: its composite id (<c>tenant:domain</c>), how often, how hot at best, when last.</summary>
public sealed record CompanySummary(string Id, string Name, string Domain, int Conversations, int Visitors, int BestScore, DateTimeOffset LastSeen);
