using System.Net;
using Microsoft.Extensions.Options;
using Rose.Enrichment.Asn;
using Rose.Enrichment.Budget;
using Rose.Enrichment.Identification;
using Rose.Enrichment.Privacy;
using Rose.Enrichment.Providers;
using Rose.Enrichment.Settings;
using Rose.Platform.Limits;
using Xunit;

namespace Rose.Enrichment.Tests;

/// <summary>The cascade with the offline ASN table as its last tier (alone on a fresh machine).</summary>
public sealed class OfflineCascadeTests : IDisposable
{
    private readonly IpInfoStub ipinfo = new();

    [Fact]
    public async Task IdentifyAsync_with_only_the_offline_tier_names_a_business_and_flags_clouds_and_isps()
    {
        var cascade = Cascade(new AsnCompanyProvider());

        var business = await cascade.IdentifyAsync("acme", EnrichmentSettings.Default, IPAddress.Parse("128.246.1.1"), CancellationToken.None);
        var cloud = await cascade.IdentifyAsync("acme", EnrichmentSettings.Default, IPAddress.Parse("8.8.8.8"), CancellationToken.None);
        var isp = await cascade.IdentifyAsync("acme", EnrichmentSettings.Default, IPAddress.Parse("23.30.4.5"), CancellationToken.None);

        Assert.True(cascade.IsEnabledFor(EnrichmentSettings.Default));
        Assert.Equal(new CompanyIdentification(AsnCompanyProvider.ProviderName, MatchKinds.Asn, AsnCompanyProvider.Confidence, "BASF Digital Solutions GmbH", null), business.Company);
        Assert.Equal(NetworkKind.Business, business.Network);
        Assert.Equal((NetworkKind.Hosting, (CompanyIdentification?)null), (cloud.Network, cloud.Company));
        Assert.Equal((NetworkKind.Residential, (CompanyIdentification?)null), (isp.Network, isp.Company));
        Assert.All([business, cloud, isp], r => Assert.Equal([AsnCompanyProvider.ProviderName], r.Asked));
    }

    [Fact]
    public async Task IdentifyAsync_falls_back_to_the_offline_tier_when_the_paid_provider_fails()
    {
        ipinfo.Status("128.246.1.1", HttpStatusCode.ServiceUnavailable);
        var cascade = Cascade(ipinfo.Provider(), new AsnCompanyProvider());

        var result = await cascade.IdentifyAsync("acme", EnrichmentSettings.Default, IPAddress.Parse("128.246.1.1"), CancellationToken.None);

        Assert.Equal(["ipinfo", AsnCompanyProvider.ProviderName], result.Asked);
        Assert.Equal(("BASF Digital Solutions GmbH", MatchKinds.Asn), (result.Company?.Name, result.Company?.MatchedBy));
    }

    [Fact]
    public async Task IdentifyAsync_stops_at_the_paid_providers_confident_answer_before_the_offline_tier()
    {
        ipinfo.Company("128.246.1.1", "BASF SE", "basf.com", "business");
        var cascade = Cascade(ipinfo.Provider(), new AsnCompanyProvider());

        var result = await cascade.IdentifyAsync("acme", EnrichmentSettings.Default, IPAddress.Parse("128.246.1.1"), CancellationToken.None);

        Assert.Equal(["ipinfo"], result.Asked);
        Assert.Equal(("BASF SE", MatchKinds.IpRange), (result.Company?.Name, result.Company?.MatchedBy));
    }

    [Fact]
    public async Task FindNetworkAsync_flags_a_cloud_as_hosting_and_an_isp_as_residential_once_the_offline_tier_answered()
    {
        var state = new InMemoryStateStore();
        var cascade = Cascade(new AsnCompanyProvider());
        var settingsStore = new EnrichmentSettingsStore(state);
        var known = new KnownVisitorCompanies(state, cascade, new PendingIdentifications(), settingsStore,
            new VisitorAddressKeys(Options.Create(new EnrichmentOptions { AddressKey = new string('k', 32) }), () => Path.GetTempPath()));
        await settingsStore.SaveAsync("consenting", EnrichmentSettings.Default with { RequireConsent = true }, CancellationToken.None);
        foreach (var address in new[] { "8.8.8.8", "23.30.4.5", "128.246.1.1" })
        {
            var result = await cascade.IdentifyAsync("acme", EnrichmentSettings.Default, IPAddress.Parse(address), CancellationToken.None);
            await known.RecordAsync("acme", IPAddress.Parse(address), result, EnrichmentSettings.Default, CancellationToken.None);
            await known.RecordAsync("consenting", IPAddress.Parse(address), result, EnrichmentSettings.Default, CancellationToken.None);
        }

        Assert.Equal(NetworkKind.Hosting, await known.FindNetworkAsync("acme", IPAddress.Parse("8.8.8.9"), null, CancellationToken.None));
        Assert.Equal(NetworkKind.Residential, await known.FindNetworkAsync("acme", IPAddress.Parse("23.30.4.200"), null, CancellationToken.None));
        Assert.Equal(NetworkKind.Business, await known.FindNetworkAsync("acme", IPAddress.Parse("128.246.1.1"), null, CancellationToken.None));
        Assert.Equal(NetworkKind.Unknown, await known.FindNetworkAsync("acme", IPAddress.Parse("198.51.100.7"), null, CancellationToken.None));
        Assert.Equal(NetworkKind.Unknown, await known.FindNetworkAsync("other", IPAddress.Parse("8.8.8.8"), null, CancellationToken.None));
        Assert.Equal(NetworkKind.Unknown, await known.FindNetworkAsync("consenting", IPAddress.Parse("8.8.8.8"), null, CancellationToken.None));
        Assert.Equal(NetworkKind.Hosting, await known.FindNetworkAsync("consenting", IPAddress.Parse("8.8.8.8"), true, CancellationToken.None));
    }

    public void Dispose() => ipinfo.Dispose();

    private static IdentificationCascade Cascade(params IIpCompanyProvider[] providers) =>
        new(providers, new ProviderBudget(new InProcessQuotaCounter(TimeProvider.System), new InMemoryStateStore(), TimeProvider.System));
}
