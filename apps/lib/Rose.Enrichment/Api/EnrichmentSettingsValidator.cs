using Rose.Enrichment.Settings;

namespace Rose.Enrichment.Api;

/// <summary>Checks an <see cref="EnrichmentSettingsRequest"/> field by field, for a problem details answer that names each.</summary>
public static class EnrichmentSettingsValidator
{
    public const decimal MaxCostPerLookup = 100m;

    public const decimal MaxMonthlyBudget = 1_000_000m;

    public static Dictionary<string, string[]> Validate(EnrichmentSettingsRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.RetentionDays is < 1 or > EnrichmentSettings.MaxRetentionDays)
        {
            errors["retentionDays"] = [$"retentionDays is 1 to {EnrichmentSettings.MaxRetentionDays}, or null to keep visitor data until it is erased."];
        }

        foreach (var (name, provider) in request.Providers ?? new Dictionary<string, ProviderSettingsRequest>())
        {
            if (!EnrichmentProviders.Names.Contains(name.Trim().ToLowerInvariant(), StringComparer.Ordinal))
            {
                errors[$"providers.{name}"] = [$"Unknown provider; use one of: {string.Join(", ", EnrichmentProviders.Names)}."];
                continue;
            }

            if (provider is null)
            {
                errors[$"providers.{name}"] = ["A provider's settings are an object: {enabled, costPerLookup, monthlyBudget}."];
                continue;
            }

            if (provider.CostPerLookup is < 0 or > MaxCostPerLookup || (provider.CostPerLookup is { } cost && decimal.Round(cost, 6) != cost))
            {
                errors[$"providers.{name}.costPerLookup"] = [$"costPerLookup is 0 to {MaxCostPerLookup}, with at most 6 decimals."];
            }

            if (provider.MonthlyBudget is < 0 or > MaxMonthlyBudget || (provider.MonthlyBudget is { } budget && decimal.Round(budget, 6) != budget))
            {
                errors[$"providers.{name}.monthlyBudget"] = [$"monthlyBudget is 0 to {MaxMonthlyBudget}, with at most 6 decimals, or null for no budget."];
            }
        }

        return errors;
    }

    public static EnrichmentSettings ToSettings(EnrichmentSettingsRequest request) => new(
        request.RequireConsent ?? false,
        request.RetentionDays,
        (request.Providers ?? new Dictionary<string, ProviderSettingsRequest>()).ToDictionary(
            p => p.Key.Trim().ToLowerInvariant(),
            p => new ProviderSettings(p.Value.Enabled ?? true, p.Value.CostPerLookup ?? 0m, p.Value.MonthlyBudget),
            StringComparer.Ordinal));
}
