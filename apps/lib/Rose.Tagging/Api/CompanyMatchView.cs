namespace Rose.Tagging.Api;

/// <summary>The company behind a conversation and how it was identified (<c>matchedBy</c>: provider, ip-range, asn, email-domain).</summary>
public sealed record CompanyMatchView(string? Id, string Name, string? Domain, string? MatchedBy, double? Confidence);
