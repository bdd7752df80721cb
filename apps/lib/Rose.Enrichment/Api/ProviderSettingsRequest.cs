namespace Rose.Enrichment.Api;

/// <summary>One provider in <c>PUT /api/v1/enrichment/settings</c>: <c>{enabled, costPerLookup, monthlyBudget}</c>.</summary>
public sealed record ProviderSettingsRequest(bool? Enabled, decimal? CostPerLookup, decimal? MonthlyBudget);
