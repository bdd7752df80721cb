namespace Rose.Tagging.Api;

/// <summary>
/// The company behind a conversation and how it was identified (<c>matchedBy</c>: provider, ip-range,
/// asn, email-domain), with its firmographics when the identification knew them (country: ISO alpha-2).
/// </summary>
public sealed record CompanyMatchView(
    string? Id, string Name, string? Domain, string? MatchedBy, double? Confidence,
    string? Industry = null, int? Employees = null, string? Country = null);
