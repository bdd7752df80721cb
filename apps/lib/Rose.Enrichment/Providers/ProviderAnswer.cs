using Rose.Enrichment.Identification;

namespace Rose.Enrichment.Providers;

/// <summary>One provider's answer about an address: the company (for a business network) and the kind of network.</summary>
public sealed record ProviderAnswer(ProviderOutcome Outcome, NetworkKind Network, CompanyIdentification? Company)
{
    public static ProviderAnswer NotFound { get; } = new(ProviderOutcome.NotFound, NetworkKind.Unknown, null);

    public static ProviderAnswer Failed { get; } = new(ProviderOutcome.Failed, NetworkKind.Unknown, null);
}
