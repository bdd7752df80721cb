namespace Rose.Enrichment.Identification;

/// <summary>
/// Who a visitor works for, as one step of the identification found it, with how it knows:
/// <paramref name="MatchedBy"/> is one of <see cref="MatchKinds"/>, <paramref name="Confidence"/> 0–1.
/// Firmographics (industry, size, country) are null when the step does not know them.
/// </summary>
public sealed record CompanyIdentification(
    string Provider,
    string MatchedBy,
    double Confidence,
    string Name,
    string? Domain,
    string? Industry = null,
    int? Employees = null,
    string? Country = null);
