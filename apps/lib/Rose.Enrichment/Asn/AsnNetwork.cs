using Rose.Enrichment.Providers;

namespace Rose.Enrichment.Asn;

/// <summary>An autonomous system as the offline table knows it: its number, the organisation it is registered to, and what kind of network that is.</summary>
public sealed record AsnNetwork(uint Asn, string Organisation, NetworkKind Kind);
