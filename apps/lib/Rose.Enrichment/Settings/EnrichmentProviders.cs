using Rose.Enrichment.Providers.IpInfo;

namespace Rose.Enrichment.Settings;

/// <summary>The providers Rose has a client for, by the name a tenant's settings use (whether the operator configured each is a separate matter).</summary>
public static class EnrichmentProviders
{
    public static IReadOnlyList<string> Names { get; } = [IpInfoCompanyProvider.ProviderName];
}
