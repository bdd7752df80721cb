namespace Rose.Tagging.Api;

/// <summary><c>PUT /api/v1/scoring</c>: <c>{profile: {industries, sizeMin, sizeMax, countries}, weights: {key: points}, hotThreshold}</c>.</summary>
public sealed record ScoringRequest(ProfileRequest? Profile, IReadOnlyDictionary<string, int>? Weights, int? HotThreshold);
