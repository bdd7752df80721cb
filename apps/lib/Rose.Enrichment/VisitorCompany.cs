namespace Rose.Enrichment;

/// <summary>The company a visitor was identified as working for.</summary>
/// <param name="Name">The company's name, as shown to marketers.</param>
/// <param name="Domain">Its web domain, when known (the key for CRM matching).</param>
/// <param name="Source">Which step of the identification found it (e.g. an IP-to-company provider).</param>
public sealed record VisitorCompany(string Name, string? Domain, string Source);
