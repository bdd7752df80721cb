using Rose.Enrichment.Asn;
using Rose.Enrichment.Providers;
using Xunit;

namespace Rose.Enrichment.Tests;

/// <summary>The maintained ASN list first, then the organisation-name rules, else a business's own network.</summary>
public sealed class NetworkClassificationTests
{
    [Theory]
    [InlineData("Acme Hosting Ltd", NetworkKind.Hosting)]
    [InlineData("WebHostingPro SRL", NetworkKind.Hosting)]
    [InlineData("Example Cloud Services", NetworkKind.Hosting)]
    [InlineData("Nordic Data Center AB", NetworkKind.Hosting)]
    [InlineData("Paris Datacentre SAS", NetworkKind.Hosting)]
    [InlineData("Fast Servers Inc.", NetworkKind.Hosting)]
    [InlineData("SuperFastVPN Ltd", NetworkKind.Hosting)]
    [InlineData("Telecom Cloud Ltd", NetworkKind.Hosting)]
    [InlineData("Bouygues Telecom SA", NetworkKind.Residential)]
    [InlineData("Korea Telekom", NetworkKind.Residential)]
    [InlineData("British Telecommunications PLC", NetworkKind.Residential)]
    [InlineData("Metro Mobile LLC", NetworkKind.Residential)]
    [InlineData("Midwest Broadband Inc.", NetworkKind.Residential)]
    [InlineData("Sunrise Cablevision", NetworkKind.Residential)]
    [InlineData("Rural Fiber Cooperative", NetworkKind.Residential)]
    [InlineData("Island Wireless", NetworkKind.Residential)]
    public void Name_rules_class_hosting_and_carrier_networks(string organisation, NetworkKind kind) =>
        Assert.Equal(kind, NetworkNameRules.KindOf(organisation));

    [Theory]
    [InlineData("BASF Digital Solutions GmbH")]
    [InlineData("Siemens Corporation")]
    [InlineData("Ghostery Labs")]
    [InlineData("Automobile Club of Europe")]
    public void Name_rules_say_nothing_of_a_company_name(string organisation)
    {
        Assert.Null(NetworkNameRules.KindOf(organisation));
        Assert.Equal(NetworkKind.Business, NetworkClassification.Of(64500, organisation));
    }

    [Theory]
    [InlineData(16509u, "Amazon.com, Inc.", NetworkKind.Hosting)]
    [InlineData(15169u, "Google LLC", NetworkKind.Hosting)]
    [InlineData(8075u, "Microsoft Corporation", NetworkKind.Hosting)]
    [InlineData(24940u, "Hetzner Online GmbH", NetworkKind.Hosting)]
    [InlineData(39351u, "31173 Services AB", NetworkKind.Hosting)]
    [InlineData(3215u, "Orange S.A.", NetworkKind.Residential)]
    [InlineData(3320u, "Deutsche Telekom AG", NetworkKind.Residential)]
    [InlineData(12322u, "Free SAS", NetworkKind.Residential)]
    public void Listed_asns_are_classed_by_the_list_whatever_their_name_says(uint asn, string organisation, NetworkKind kind) =>
        Assert.Equal(kind, NetworkClassification.Of(asn, organisation));
}
