using Rose.Tagging.Scoring;

namespace Rose.Tagging.Api;

/// <summary>A tenant's scoring as it applies: the profile, every weight (defaults included) and the hot threshold.</summary>
public sealed record ScoringView(IdealCustomerProfile Profile, IReadOnlyDictionary<string, int> Weights, int HotThreshold)
{
    public static ScoringView From(ScoringSettings settings) => new(
        settings.Profile,
        ScoreWeights.Defaults.Keys.ToDictionary(k => k, settings.Weight, StringComparer.Ordinal),
        settings.HotThreshold);
}
