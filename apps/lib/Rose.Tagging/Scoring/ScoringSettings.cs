namespace Rose.Tagging.Scoring;

/// <summary>A tenant's scoring: its profile, weights that override <see cref="ScoreWeights.Defaults"/>, and the score from which a lead is hot.</summary>
public sealed record ScoringSettings(IdealCustomerProfile Profile, IReadOnlyDictionary<string, int> Weights, int HotThreshold)
{
    public const int DefaultHotThreshold = 60;

    public static ScoringSettings Default { get; } = new(IdealCustomerProfile.Any, new Dictionary<string, int>(), DefaultHotThreshold);

    public int Weight(string key) => Weights.TryGetValue(key, out var points) ? points : ScoreWeights.Defaults[key];
}
