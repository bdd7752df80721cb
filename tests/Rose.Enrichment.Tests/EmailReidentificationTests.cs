using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rose.Enrichment.Asn;
using Rose.Enrichment.Identification;
using Rose.Enrichment.Providers;
using Rose.Testing;
using Xunit;
using static Rose.Enrichment.Tests.HostRequests;

namespace Rose.Enrichment.Tests;

/// <summary>
/// On the standalone host (the visitor is 127.0.0.1, which IPinfo's stub calls Globex): an e-mail left
/// through the widget runs identification again, and a work domain names the company in place of the
/// weaker answer the address gave; a free-mail address leaves that answer.
/// </summary>
public sealed class EmailReidentificationTests : IDisposable
{
    private static readonly IPAddress Loopback = IPAddress.Loopback;

    private readonly IpInfoStub ipinfo = new();

    [Fact]
    public async Task CreateLead_names_the_company_by_a_work_domain_in_place_of_the_address_answer()
    {
        ipinfo.Company("127.0.0.1", "Globex Corporation", "globex.example", "business");
        await using var app = new RoseAppFactory<Program>()
            .With("Rose:Demo:Enabled", "false")
            .With("Rose:Enrichment:IpInfo:Token", IpInfoStub.Token)
            .With("Rose:Enrichment:IpInfo:Endpoint", ipinfo.Api.Url + "/");
        app.UseKestrel(0);
        var (publicKey, apiKey) = await CreateTenantAsync(app, "email-again");
        var companies = app.Services.GetRequiredService<IVisitorCompanies>();

        var (work, workToken) = await StartAsync(app, publicKey);
        await AskAsync(app, publicKey, work, workToken, "What does the product cost?");
        await Eventually.UntilAsync(() => ipinfo.Calls("127.0.0.1") == 1, TimeSpan.FromSeconds(10), "the cascade asked IPinfo");
        await Eventually.UntilAsync(async () => await companies.FindAsync("email-again", Loopback, null, CancellationToken.None) is not null,
            TimeSpan.FromSeconds(5), "the address's company is kept");
        var (personal, personalToken) = await StartAsync(app, publicKey);
        await AskAsync(app, publicKey, personal, personalToken, "Hello");

        await LeaveEmailAsync(app, publicKey, work, "jane.doe@initech-systems.example");
        await LeaveEmailAsync(app, publicKey, personal, "jane.doe@gmail.com");

        var companiesByConversation = await CompaniesAsync(app, apiKey);
        Assert.Equal("Initech Systems", companiesByConversation.Single(c => c.Id.EndsWith(work, StringComparison.Ordinal)).Company);
        Assert.Equal("Globex Corporation", companiesByConversation.Single(c => c.Id.EndsWith(personal, StringComparison.Ordinal)).Company);
        Assert.Equal(["ipinfo", AsnCompanyProvider.ProviderName], app.Services.GetServices<IIpCompanyProvider>().Select(p => p.Name));
    }

    [Fact]
    public async Task ReidentifyByEmailAsync_keeps_a_stronger_address_answer_and_honours_consent()
    {
        await using var app = new RoseAppFactory<Program>().With("Rose:Demo:Enabled", "false");
        await CreateTenantAsync(app, "email-strong");
        var companies = app.Services.GetRequiredService<IVisitorCompanies>();
        var address = IPAddress.Parse("198.51.100.7");

        var unknown = await companies.ReidentifyByEmailAsync("email-strong", address, null, "sam@gmail.com", CancellationToken.None);
        var byEmail = await companies.ReidentifyByEmailAsync("email-strong", address, null, "sam@umbrella-labs.example", CancellationToken.None);
        await companies.RememberAsync("email-strong", address, new VisitorCompany("Umbrella Corporation", "umbrella.example", "test", MatchKinds.IpRange, 0.95), TimeSpan.FromHours(1), CancellationToken.None);
        var stronger = await companies.ReidentifyByEmailAsync("email-strong", address, null, "sam@umbrella-labs.example", CancellationToken.None);

        Assert.Null(unknown);
        Assert.Equal(new VisitorCompany("Umbrella Labs", "umbrella-labs.example", EmailDomainCompanies.ProviderName, MatchKinds.EmailDomain, 0.8), byEmail);
        Assert.Equal("Umbrella Corporation", stronger?.Name);
    }

    public void Dispose() => ipinfo.Dispose();

    private static async Task<List<(string Id, string? Company)>> CompaniesAsync(RoseAppFactory<Program> app, string apiKey)
    {
        using var management = app.CreateClient();
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        var conversations = await management.GetFromJsonAsync<JsonElement>("/api/v1/conversations");
        return [.. conversations.GetProperty("items").EnumerateArray()
            .Select(c => (c.GetProperty("conversationId").GetString()!, c.GetProperty("visitorCompany").GetString()))];
    }
}
