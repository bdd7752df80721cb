using System.Collections.Frozen;
using Rose.Enrichment.Providers;

namespace Rose.Enrichment.Asn;

/// <summary>
/// The major autonomous systems whose kind is known, maintained by hand: they are checked before the
/// organisation-name rules (<see cref="NetworkNameRules"/>), which cannot tell "Amazon.com, Inc." is a
/// cloud or "Orange S.A." an ISP. Add an ASN here when its network is misclassed.
/// </summary>
public static class KnownNetworks
{
    // Hosting, cloud, CDN and VPN networks: their visitors are servers, bots or people behind a VPN.
    private static readonly uint[] Hosting =
    [
        16509, 14618, 8987, // Amazon (AWS)
        15169, 396982, 19527, // Google, Google Cloud
        8075, 8068, // Microsoft (Azure)
        13335, 209242, // Cloudflare (including WARP)
        16276, // OVHcloud
        24940, 213230, // Hetzner
        14061, // DigitalOcean
        63949, 20940, 16625, // Linode / Akamai
        20473, // Vultr (The Constant Company)
        54113, // Fastly
        31898, // Oracle Cloud
        36351, // IBM Cloud (SoftLayer)
        45102, 37963, // Alibaba Cloud
        132203, 45090, // Tencent Cloud
        60781, 28753, 30633, // Leaseweb
        51167, // Contabo
        12876, // Scaleway
        8560, // IONOS
        46606, 26496, 398101, // Unified Layer, GoDaddy
        47583, // Hostinger
        197540, // netcup
        62240, // Clouvider
        396356, // Latitude.sh
        40676, 53667, 3223, 55286, // Psychz, FranTech (BuyVM), Voxility, ServerMania (B2 Net)
        9009, 212238, // M247, Datacamp (CDN77): the hosts most commercial VPNs run on
        39351, // 31173 Services AB (Mullvad VPN)
        62371, 209103, // Proton AG (Proton VPN)
        136787, 147049, // PacketHub (NordVPN)
    ];

    // Residential, mobile and consumer ISPs: the network names the carrier, never the visitor's employer.
    private static readonly uint[] Residential =
    [
        3320, // Deutsche Telekom
        3209, 6805, 8881, 6830, // Vodafone Germany, Telefónica Germany (O2), 1&1 Versatel, Liberty Global
        7922, 20115, 22773, 5650, 7018, 20057, 701, 22394, 6167, 21928, 16591, // US: Comcast, Charter, Cox, Frontier, AT&T, Verizon, T-Mobile, Google Fiber
        3215, 12322, 15557, 5410, // France: Orange, Free, SFR, Bouygues Telecom
        2856, 5089, 5607, 13285, 25135, 12576, 60339, // UK: BT, Virgin Media, Sky, TalkTalk, Vodafone, EE, Three
        3269, 3352, 5432, 1136, 33915, 3303, // Telecom Italia, Telefónica Spain, Proximus, KPN, Vodafone NL, Swisscom
        1221, 812, 577, 6327, // Telstra, Rogers, Bell Canada, Shaw
        4713, 2516, 17676, 4766, 3462, // NTT OCN, KDDI, SoftBank, Korea Telecom, Chunghwa Telecom
        55836, 9498, 45609, // Reliance Jio, Bharti Airtel
        4134, 4837, 9808, // China Telecom, China Unicom, China Mobile
    ];

    private static readonly FrozenDictionary<uint, NetworkKind> Kinds =
        Hosting.Select(asn => KeyValuePair.Create(asn, NetworkKind.Hosting))
            .Concat(Residential.Select(asn => KeyValuePair.Create(asn, NetworkKind.Residential)))
            .ToFrozenDictionary();

    /// <summary>The kind of a listed ASN, or null when it is not listed.</summary>
    public static NetworkKind? KindOf(uint asn) => Kinds.TryGetValue(asn, out var kind) ? kind : null;
}
