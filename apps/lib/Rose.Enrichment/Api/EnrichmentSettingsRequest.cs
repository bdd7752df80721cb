namespace Rose.Enrichment.Api;

/// <summary>
/// The body of <c>PUT /api/v1/enrichment/settings</c>; it replaces the tenant's settings whole (a field
/// left out takes its default: no consent required, no retention period, every provider on at no cost).
/// </summary>
public sealed record EnrichmentSettingsRequest(bool? RequireConsent, int? RetentionDays, Dictionary<string, ProviderSettingsRequest>? Providers);
