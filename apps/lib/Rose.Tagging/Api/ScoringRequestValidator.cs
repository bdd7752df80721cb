using Rose.Tagging.Scoring;

namespace Rose.Tagging.Api;

/// <summary>Checks a <see cref="ScoringRequest"/> field by field, for a problem details answer that names each.</summary>
public static class ScoringRequestValidator
{
    public static Dictionary<string, string[]> Validate(ScoringRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.HotThreshold is < 1 or > 100)
        {
            errors["hotThreshold"] = ["hotThreshold is 1 to 100."];
        }

        foreach (var (key, points) in request.Weights ?? new Dictionary<string, int>())
        {
            if (!ScoreWeights.Defaults.ContainsKey(key))
            {
                errors[$"weights.{key}"] = [$"Unknown weight; use one of: {string.Join(", ", ScoreWeights.Defaults.Keys)}."];
            }
            else if (points is < -100 or > 100)
            {
                errors[$"weights.{key}"] = ["A weight is -100 to 100 points."];
            }
        }

        var profile = request.Profile;
        if (profile is null)
        {
            return errors;
        }

        if (profile.SizeMin is < 0 || profile.SizeMax is < 1 || (profile.SizeMin is { } min && profile.SizeMax is { } max && min > max))
        {
            errors["profile.sizeMin"] = ["sizeMin is at least 0, sizeMax at least 1 and not below sizeMin."];
        }

        if (profile.Industries is { } industries && (industries.Count > 50 || industries.Any(i => string.IsNullOrWhiteSpace(i) || i.Length > 100)))
        {
            errors["profile.industries"] = ["Up to 50 industries of 1 to 100 characters."];
        }

        if (profile.Countries is { } countries && (countries.Count > 250 || countries.Any(c => c is not { Length: 2 } || !c.All(char.IsAsciiLetter))))
        {
            errors["profile.countries"] = ["Countries are ISO 3166-1 alpha-2 codes, such as FR or DE."];
        }

        return errors;
    }

    public static ScoringSettings ToSettings(ScoringRequest request) => new(
        new IdealCustomerProfile(
            [.. (request.Profile?.Industries ?? []).Select(i => i.Trim())],
            request.Profile?.SizeMin,
            request.Profile?.SizeMax,
            [.. (request.Profile?.Countries ?? []).Select(c => c.ToUpperInvariant())]),
        new Dictionary<string, int>(request.Weights ?? new Dictionary<string, int>(), StringComparer.Ordinal),
        request.HotThreshold ?? ScoringSettings.DefaultHotThreshold);
}
