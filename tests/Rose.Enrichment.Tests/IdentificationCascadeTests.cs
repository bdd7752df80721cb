using System.Net;
using Rose.Enrichment.Budget;
using Rose.Enrichment.Identification;
using Rose.Enrichment.Providers;
using Rose.Enrichment.Settings;
using Rose.Platform.Limits;
using Xunit;

namespace Rose.Enrichment.Tests;

/// <summary>IPinfo's client on its wire format and the cascade over real HTTP tiers.</summary>
public sealed class IdentificationCascadeTests : IDisposable
{
    private readonly IpInfoStub first = new();
    private readonly IpInfoStub second = new();

    [Fact]
    public async Task IpInfo_classes_business_isp_and_hosting_networks()
    {
        first.Company("198.51.100.7", "Northwind Traders", "Northwind.com", "business");
        first.Company("203.0.113.9", "Orange S.A.", "orange.fr", "isp");
        first.Company("8.8.8.8", "Google LLC", "google.com", "hosting");
        var provider = first.Provider();

        var business = await provider.LookupAsync(IPAddress.Parse("198.51.100.7"), CancellationToken.None);
        var residential = await provider.LookupAsync(IPAddress.Parse("203.0.113.9"), CancellationToken.None);
        var hosting = await provider.LookupAsync(IPAddress.Parse("8.8.8.8"), CancellationToken.None);

        Assert.Equal(new CompanyIdentification("ipinfo", MatchKinds.IpRange, 0.75, "Northwind Traders", "northwind.com"), business.Company);
        Assert.Equal((ProviderOutcome.Answered, NetworkKind.Residential, (CompanyIdentification?)null), (residential.Outcome, residential.Network, residential.Company));
        Assert.Equal((ProviderOutcome.Answered, NetworkKind.Hosting, (CompanyIdentification?)null), (hosting.Outcome, hosting.Network, hosting.Company));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Cascade_moves_to_the_next_tier_when_a_provider_fails(HttpStatusCode failure)
    {
        first.Status("198.51.100.7", failure);
        second.Company("198.51.100.7", "Contoso", "contoso.com", "business");
        var cascade = Cascade(first.Provider(), second.Provider());

        var result = await cascade.IdentifyAsync("acme", EnrichmentSettings.Default, IPAddress.Parse("198.51.100.7"), CancellationToken.None);

        Assert.Equal("Contoso", result.Company?.Name);
        Assert.Equal(["ipinfo", "ipinfo"], result.Asked);
        Assert.Equal((1, 1), (first.Calls("198.51.100.7"), second.Calls("198.51.100.7")));
    }

    [Fact]
    public async Task Cascade_moves_on_after_a_timeout()
    {
        first.Status("198.51.100.7", HttpStatusCode.OK, delay: TimeSpan.FromSeconds(3));
        second.Company("198.51.100.7", "Contoso", "contoso.com", "business");
        var cascade = Cascade(first.Provider(TimeSpan.FromMilliseconds(300)), second.Provider());

        var result = await cascade.IdentifyAsync("acme", EnrichmentSettings.Default, IPAddress.Parse("198.51.100.7"), CancellationToken.None);

        Assert.Equal("Contoso", result.Company?.Name);
    }

    [Fact]
    public async Task Cascade_stops_at_the_first_confident_answer_and_at_a_network_that_is_no_company()
    {
        first.Company("198.51.100.7", "Northwind Traders", "northwind.com", "business");
        first.Company("8.8.8.8", "Google LLC", "google.com", "hosting");
        second.Company("198.51.100.7", "Someone Else", "else.example", "business");
        second.Company("8.8.8.8", "Google", "google.com", "business");
        var cascade = Cascade(first.Provider(), second.Provider());

        var company = await cascade.IdentifyAsync("acme", EnrichmentSettings.Default, IPAddress.Parse("198.51.100.7"), CancellationToken.None);
        var hosting = await cascade.IdentifyAsync("acme", EnrichmentSettings.Default, IPAddress.Parse("8.8.8.8"), CancellationToken.None);

        Assert.Equal("Northwind Traders", company.Company?.Name);
        Assert.Null(hosting.Company);
        Assert.Equal(NetworkKind.Hosting, hosting.Network);
        Assert.Equal(0, second.Calls("198.51.100.7") + second.Calls("8.8.8.8"));
    }

    [Fact]
    public async Task Cascade_without_providers_is_off_and_asks_nobody()
    {
        var cascade = Cascade();

        var result = await cascade.IdentifyAsync("acme", EnrichmentSettings.Default, IPAddress.Parse("198.51.100.7"), CancellationToken.None);

        Assert.False(cascade.IsEnabled);
        Assert.Empty(result.Asked);
        Assert.Null(result.Company);
    }

    [Fact]
    public async Task Cascade_skips_a_provider_the_tenant_turned_off()
    {
        first.Company("198.51.100.7", "Northwind Traders", "northwind.com", "business");
        var cascade = Cascade(first.Provider());
        var off = EnrichmentSettings.Default with { Providers = new Dictionary<string, ProviderSettings> { ["ipinfo"] = ProviderSettings.Default with { Enabled = false } } };

        var result = await cascade.IdentifyAsync("acme", off, IPAddress.Parse("198.51.100.7"), CancellationToken.None);

        Assert.False(cascade.IsEnabledFor(off));
        Assert.True(cascade.IsEnabledFor(EnrichmentSettings.Default));
        Assert.Empty(result.Asked);
        Assert.Equal(0, first.Calls("198.51.100.7"));
    }

    private static IdentificationCascade Cascade(params IIpCompanyProvider[] providers) =>
        new(providers, new ProviderBudget(new InProcessQuotaCounter(TimeProvider.System), new InMemoryStateStore(), TimeProvider.System));

    public void Dispose()
    {
        first.Dispose();
        second.Dispose();
    }
}
