namespace Rose.Tagging.Scoring;

/// <summary>A lead score 0–100 and the factors whose points add up to it, exactly.</summary>
public sealed record LeadScore(int Value, IReadOnlyList<ScoreFactor> Factors);
