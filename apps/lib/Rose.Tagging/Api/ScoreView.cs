using Rose.Tagging.Scoring;

namespace Rose.Tagging.Api;

/// <summary>A score and the factors whose points add up to it.</summary>
public sealed record ScoreView(int Value, IReadOnlyList<ScoreFactor> Factors);
