using Rose.Enrichment.Providers;

namespace Rose.Enrichment.Asn;

/// <summary>The kind of an autonomous system: the maintained list first, then the organisation-name rules, else a business's own network.</summary>
public static class NetworkClassification
{
    public static NetworkKind Of(uint asn, string organisation) =>
        KnownNetworks.KindOf(asn) ?? NetworkNameRules.KindOf(organisation) ?? NetworkKind.Business;
}
