namespace Rose.Tagging.Scoring;

/// <summary>One reason of a score: its weight's key, the points it adds (or takes), and why, in words a marketer reads.</summary>
public sealed record ScoreFactor(string Key, int Points, string Reason);
