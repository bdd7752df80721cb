using Rose.Enrichment.Identification;

namespace Rose.Enrichment;

/// <summary>The company a visitor was identified as working for.</summary>
/// <param name="Name">The company's name, as shown to marketers.</param>
/// <param name="Domain">Its web domain, when known (the key for CRM matching).</param>
/// <param name="Source">Which step of the identification found it (e.g. an IP-to-company provider).</param>
/// <param name="MatchedBy">How it matched (one of <see cref="MatchKinds"/>; null in entries kept before it was recorded).</param>
/// <param name="Confidence">0–1; 0 when not recorded, so any new answer is stronger.</param>
public sealed record VisitorCompany(string Name, string? Domain, string Source, string? MatchedBy = null, double Confidence = 0)
{
    public static VisitorCompany From(CompanyIdentification company) =>
        new(company.Name, company.Domain, company.Provider, company.MatchedBy, company.Confidence);
}
