using System.Net;
using Rose.Enrichment.Identification;
using Rose.Enrichment.Providers;

namespace Rose.Enrichment.Asn;

/// <summary>
/// The offline tier of the cascade, on every machine and last after the paid providers: the network
/// announcing the address (<see cref="AsnTable"/>). An ISP or mobile carrier names nobody's company
/// (<see cref="NetworkKind.Residential"/>), a hosting, cloud or VPN network flags a likely bot or VPN
/// (<see cref="NetworkKind.Hosting"/>); any other organisation runs its own network and is taken for the
/// visitor's employer, with a modest confidence (a university, a public body or a small ISP the rules
/// missed look the same). No address leaves the process.
/// </summary>
public sealed class AsnCompanyProvider(Func<AsnTable> table) : IIpCompanyProvider
{
    public const string ProviderName = "asn-table";

    /// <summary>Below <see cref="IdentificationCascade.MinConfidence"/>: any paid provider's answer, or the visitor's e-mail, is stronger.</summary>
    public const double Confidence = 0.4;

    public AsnCompanyProvider()
        : this(() => AsnTable.Embedded)
    {
    }

    public string Name => ProviderName;

    public Task<ProviderAnswer> LookupAsync(IPAddress address, CancellationToken cancellationToken) => Task.FromResult(Lookup(address));

    public ProviderAnswer Lookup(IPAddress address) => table().Find(address) switch
    {
        null => ProviderAnswer.NotFound,
        { Kind: NetworkKind.Business } network => new ProviderAnswer(ProviderOutcome.Answered, NetworkKind.Business,
            new CompanyIdentification(ProviderName, MatchKinds.Asn, Confidence, network.Organisation, Domain: null)),
        var network => new ProviderAnswer(ProviderOutcome.Answered, network.Kind, null),
    };
}
