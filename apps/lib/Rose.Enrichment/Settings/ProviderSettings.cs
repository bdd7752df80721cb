namespace Rose.Enrichment.Settings;

/// <summary>
/// One provider as a tenant uses it: whether its lookups run for the tenant, what one lookup costs
/// (in the tenant's billing currency; charged when the request is sent) and the monthly budget those
/// lookups may spend (null: no budget). The provider's API key is the operator's, not the tenant's.
/// </summary>
public sealed record ProviderSettings(bool Enabled, decimal CostPerLookup, decimal? MonthlyBudget)
{
    /// <summary>A provider the operator configured is on for every tenant until the tenant says otherwise.</summary>
    public static ProviderSettings Default { get; } = new(true, 0m, null);
}
