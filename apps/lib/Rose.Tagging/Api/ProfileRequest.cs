namespace Rose.Tagging.Api;

/// <summary>The ideal customer profile in <c>PUT /api/v1/scoring</c>.</summary>
public sealed record ProfileRequest(IReadOnlyList<string>? Industries, int? SizeMin, int? SizeMax, IReadOnlyList<string>? Countries);
