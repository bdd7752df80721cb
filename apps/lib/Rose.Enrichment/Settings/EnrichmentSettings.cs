namespace Rose.Enrichment.Settings;

/// <summary>
/// A tenant's identification settings: whether a visitor must consent before their company is looked
/// up, how many days visitor data is kept (null: until erased), and the providers' settings by name
/// (a provider not listed has <see cref="ProviderSettings.Default"/>).
/// </summary>
public sealed record EnrichmentSettings(bool RequireConsent, int? RetentionDays, IReadOnlyDictionary<string, ProviderSettings> Providers)
{
    public const int MaxRetentionDays = 3650;

    public static EnrichmentSettings Default { get; } = new(false, null, new Dictionary<string, ProviderSettings>(StringComparer.Ordinal));

    public ProviderSettings For(string provider) =>
        Providers.TryGetValue(provider, out var settings) ? settings : ProviderSettings.Default;

    /// <summary>Whether identification may run for a visitor who gave <paramref name="visitorConsent"/> (null: the widget did not say).</summary>
    public bool Allows(bool? visitorConsent) => !RequireConsent || visitorConsent == true;

    /// <summary>How long what is learnt of a visitor may be kept: at most the retention period.</summary>
    public TimeSpan KeepAtMost(TimeSpan wanted) =>
        RetentionDays is { } days && TimeSpan.FromDays(days) < wanted ? TimeSpan.FromDays(days) : wanted;

    /// <summary>The same settings with every known provider listed, for the API's answer.</summary>
    public EnrichmentSettings WithEveryProvider() =>
        this with { Providers = EnrichmentProviders.Names.ToDictionary(name => name, For, StringComparer.Ordinal) };
}
