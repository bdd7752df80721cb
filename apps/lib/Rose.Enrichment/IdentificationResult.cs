using Rose.Enrichment.Identification;
using Rose.Enrichment.Providers;

namespace Rose.Enrichment;

/// <summary>What the cascade made of an address: the company when a tier named one, the kind of network, and which tiers it asked.</summary>
public sealed record IdentificationResult(CompanyIdentification? Company, NetworkKind Network, IReadOnlyList<string> Asked);
