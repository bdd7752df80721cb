using System.Text.RegularExpressions;
using Rose.Enrichment.Providers;

namespace Rose.Enrichment.Asn;

/// <summary>
/// What an organisation's name says about its network, for the ASNs <see cref="KnownNetworks"/> does
/// not list: hosting words ("Hosting", "Cloud", "Data Center", "Servers", "VPN", …) mark a hosting or VPN
/// network, carrier words ("Telecom", "Mobile", "Broadband", "Cable", "Fiber", …) an ISP. Hosting is
/// checked first ("Telecom Cloud" hosts servers). Anything else is taken for a business's own network.
/// </summary>
public static partial class NetworkNameRules
{
    /// <summary>The kind the name says, or null when it says none.</summary>
    public static NetworkKind? KindOf(string organisation) =>
        HostingWords().IsMatch(organisation) ? NetworkKind.Hosting
        : CarrierWords().IsMatch(organisation) ? NetworkKind.Residential
        : null;

    [GeneratedRegex(@"hosting|vpn|\bhost(s|er|ers)?\b|\bcloud|\bdata\s?cent(er|re)s?\b|\bserver(s)?\b|\bvps\b|\bcolo(cation)?\b|\bdedicated\b|\bcdn\b|\bprox(y|ies)\b|\bdatacamp\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HostingWords();

    [GeneratedRegex(@"\btele[ck]om|\btelecommunica|\btelefonica\b|\btelco\b|\bmobile?\b|\bwireless\b|\bbroadband\b|\bcable|\bfib(er|re)\b|\bdsl\b|\bcellular\b|\binternet\s(service|access)\b|\bisp\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CarrierWords();
}
