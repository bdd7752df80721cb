namespace Rose.Enrichment.Providers;

/// <summary>What kind of network an address belongs to, as a provider classed it.</summary>
public enum NetworkKind
{
    Unknown,

    /// <summary>A company's own network: its name is the visitor's employer.</summary>
    Business,

    /// <summary>A residential or mobile ISP: the network names the carrier, never the visitor's company.</summary>
    Residential,

    /// <summary>A hosting, cloud or VPN network: likely a bot or a VPN, never the visitor's company.</summary>
    Hosting,
}
