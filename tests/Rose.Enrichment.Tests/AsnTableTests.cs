using System.Net;
using Rose.Enrichment.Asn;
using Rose.Enrichment.Identification;
using Rose.Enrichment.Providers;
using Xunit;

namespace Rose.Enrichment.Tests;

/// <summary>Lookups in the real, committed table (RouteViews + DB-IP ASN Lite) and what the offline tier makes of them.</summary>
public sealed class AsnTableTests
{
    [Theory]
    [InlineData("8.8.8.8", 15169u, "Google LLC", NetworkKind.Hosting)]
    [InlineData("1.1.1.1", 13335u, "Cloudflare, Inc.", NetworkKind.Hosting)]
    [InlineData("2001:4860:4860::8888", 15169u, "Google LLC", NetworkKind.Hosting)]
    [InlineData("::ffff:8.8.4.4", 15169u, "Google LLC", NetworkKind.Hosting)]
    [InlineData("2.58.100.7", 3320u, "Deutsche Telekom AG", NetworkKind.Residential)]
    [InlineData("2.10.1.1", 3215u, "Orange S.A.", NetworkKind.Residential)]
    [InlineData("23.30.4.5", 7922u, "Comcast Cable Communications, LLC", NetworkKind.Residential)]
    [InlineData("128.246.1.1", 209781u, "BASF Digital Solutions GmbH", NetworkKind.Business)]
    public void Find_names_the_network_of_a_known_range(string address, uint asn, string organisation, NetworkKind kind)
    {
        var network = AsnTable.Embedded.Find(IPAddress.Parse(address));

        Assert.Equal(new AsnNetwork(asn, organisation, kind), network);
    }

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("127.0.0.1")]
    [InlineData("192.0.2.1")]
    [InlineData("2001:db8::1")]
    [InlineData("::1")]
    public void Find_knows_nothing_of_an_address_outside_every_range(string address) =>
        Assert.Null(AsnTable.Embedded.Find(IPAddress.Parse(address)));

    [Fact]
    public void Embedded_table_holds_both_families_of_the_whole_data_set()
    {
        var table = AsnTable.Embedded;

        Assert.InRange(table.Ipv4Ranges, 300_000, 1_000_000);
        Assert.InRange(table.Ipv6Ranges, 50_000, 500_000);
        Assert.InRange(table.Networks, 50_000, 500_000);
    }

    [Fact]
    public async Task Provider_names_a_business_network_by_asn_and_names_nobody_for_an_isp_or_a_cloud()
    {
        var provider = new AsnCompanyProvider();

        var business = await provider.LookupAsync(IPAddress.Parse("128.246.1.1"), CancellationToken.None);
        var residential = await provider.LookupAsync(IPAddress.Parse("2.58.100.7"), CancellationToken.None);
        var hosting = await provider.LookupAsync(IPAddress.Parse("8.8.8.8"), CancellationToken.None);
        var unknown = await provider.LookupAsync(IPAddress.Parse("192.0.2.1"), CancellationToken.None);

        Assert.Equal(new ProviderAnswer(ProviderOutcome.Answered, NetworkKind.Business,
            new CompanyIdentification(AsnCompanyProvider.ProviderName, MatchKinds.Asn, AsnCompanyProvider.Confidence, "BASF Digital Solutions GmbH", null)), business);
        Assert.Equal(new ProviderAnswer(ProviderOutcome.Answered, NetworkKind.Residential, null), residential);
        Assert.Equal(new ProviderAnswer(ProviderOutcome.Answered, NetworkKind.Hosting, null), hosting);
        Assert.Equal(ProviderAnswer.NotFound, unknown);
    }
}
