using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rose.Geo.Site.Hostnames;
using Rose.Geo.Site.Serving;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace Rose.Geo.Tests.Site;

public sealed class HostnameTests
{
    private static readonly Rose.Geo.Site.GeoPage Install = HostilePages.Page("how-to-install", "How do I install Rose?", "Run dotnet run.");
    private static readonly Rose.Geo.Site.GeoPage Pricing = HostilePages.Page("pricing", "What does Rose cost?", "Rose is free.");

    private static async Task<HostnameView> AddAsync(GeoSiteHost host, string tenantId, string hostname)
    {
        var response = await host.Staff.PostAsJsonAsync($"/admin/v1/tenants/{tenantId}/hostnames", new { hostname });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<HostnameView>())!;
    }

    private static async Task<HostnameView> VerifyAsync(GeoSiteHost host, string tenantId, string hostname)
    {
        var response = await host.Staff.PostAsync($"/admin/v1/tenants/{tenantId}/hostnames/{hostname}/verify", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<HostnameView>())!;
    }

    private static Task<HttpResponseMessage> GetOnHostAsync(GeoSiteHost host, string hostname, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, GeoSiteEndpoints.HostPathPrefix + "/" + path);
        request.Headers.Add(GeoSiteEndpoints.SiteHostHeader, hostname);
        return host.Client.SendAsync(request);
    }

    [Fact]
    public async Task Verify_finds_the_token_in_the_dns_txt_record_and_the_site_is_then_served_on_the_hostname()
    {
        await using var host = new GeoSiteHost();
        await host.CreateTenantAsync("acme");
        var added = await AddAsync(host, "acme", "FAQ.Acme.test");
        Assert.Equal(("faq.acme.test", "pending", "_rose-challenge.faq.acme.test"), (added.Hostname, added.Status, added.DnsRecordName));

        host.Dns.Records["_rose-challenge.faq.acme.test"] = ["v=something-else", added.Token];
        var verified = await VerifyAsync(host, "acme", "faq.acme.test");
        Assert.Equal(("verified", "dns"), (verified.Status, verified.VerifiedBy));
        Assert.True(host.Dns.Queries > 0);

        var outcome = await host.PublishAsync("acme", "acme_run1", [Install]);
        // Canonical URLs, the sitemap and IndexNow now use the verified hostname.
        Assert.Contains("https://faq.acme.test/how-to-install", outcome.ChangedUrls);
        var page = await GetOnHostAsync(host, "faq.acme.test", "how-to-install");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<link rel=\"canonical\" href=\"https://faq.acme.test/how-to-install\">", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("https://faq.acme.test/sitemap.xml", await (await GetOnHostAsync(host, "faq.acme.test", "robots.txt")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var ping = JsonDocument.Parse(host.IndexNowPosts.Single().RequestMessage.Body!);
        Assert.Equal("faq.acme.test", ping.RootElement.GetProperty("host").GetString());
        var key = ping.RootElement.GetProperty("key").GetString()!;
        Assert.Equal($"https://faq.acme.test/{key}.txt", ping.RootElement.GetProperty("keyLocation").GetString());
        Assert.Equal(key, await (await GetOnHostAsync(host, "faq.acme.test", key + ".txt")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Verify_finds_the_token_in_the_http_file_when_dns_has_no_record()
    {
        await using var host = new GeoSiteHost();
        await host.CreateTenantAsync("acme");
        var added = await AddAsync(host, "acme", "help.acme.test");
        host.ChallengeFiles.Server.Given(Request.Create().WithPath("/help.acme.test/.well-known/rose-challenge.txt").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(added.Token + "\n"));

        var verified = await VerifyAsync(host, "acme", "help.acme.test");

        Assert.Equal(("verified", "http"), (verified.Status, verified.VerifiedBy));
        Assert.Equal(1, host.ChallengeFiles.CallsTo("/help.acme.test/.well-known/rose-challenge.txt"));
    }

    [Fact]
    public async Task Get_does_not_serve_a_hostname_whose_token_was_not_found()
    {
        await using var host = new GeoSiteHost();
        await host.CreateTenantAsync("acme");
        await AddAsync(host, "acme", "faq.acme.test");
        host.Dns.Records["_rose-challenge.faq.acme.test"] = ["rose-verify-not-the-token"];
        await host.PublishAsync("acme", "acme_run1", [Install]);

        var checkedOnce = await VerifyAsync(host, "acme", "faq.acme.test");

        Assert.Equal("pending", checkedOnce.Status);
        Assert.Contains("DNS", checkedOnce.LastError, StringComparison.Ordinal);
        Assert.Contains("HTTP", checkedOnce.LastError, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await GetOnHostAsync(host, "faq.acme.test", "how-to-install")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetOnHostAsync(host, "faq.acme.test", "")).StatusCode);
    }

    [Fact]
    public async Task Get_serves_on_a_tenants_hostname_only_that_tenants_pages()
    {
        await using var host = new GeoSiteHost();
        await host.CreateTenantAsync("acme");
        await host.CreateTenantAsync("globex");
        var acme = await AddAsync(host, "acme", "faq.acme.test");
        var globex = await AddAsync(host, "globex", "faq.globex.test");
        host.Dns.Records["_rose-challenge.faq.acme.test"] = [acme.Token];
        host.Dns.Records["_rose-challenge.faq.globex.test"] = [globex.Token];
        await VerifyAsync(host, "acme", "faq.acme.test");
        await VerifyAsync(host, "globex", "faq.globex.test");
        await host.PublishAsync("acme", "acme_run1", [Install]);
        await host.PublishAsync("globex", "globex_run1", [Pricing]);

        Assert.Equal(HttpStatusCode.OK, (await GetOnHostAsync(host, "faq.acme.test", "how-to-install")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetOnHostAsync(host, "faq.acme.test", "pricing")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetOnHostAsync(host, "faq.globex.test", "how-to-install")).StatusCode);
        Assert.DoesNotContain("pricing", await (await GetOnHostAsync(host, "faq.acme.test", "llms.txt")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Globex's token in DNS does not verify the name for Acme, and a name has one tenant.
        var taken = await host.Staff.PostAsJsonAsync("/admin/v1/tenants/acme/hostnames", new { hostname = "faq.globex.test" });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Staff.PostAsync("/admin/v1/tenants/acme/hostnames/faq.globex.test/verify", null)).StatusCode);
    }

    [Theory]
    [InlineData("https://faq.acme.test")]
    [InlineData("faq.acme.test:8080")]
    [InlineData("10.0.0.1")]
    [InlineData("*.acme.test")]
    [InlineData("localhost")]
    [InlineData("")]
    public async Task Post_answers_a_validation_problem_when_the_hostname_is_not_a_dns_name(string hostname)
    {
        await using var host = new GeoSiteHost();
        await host.CreateTenantAsync("acme");

        var response = await host.Staff.PostAsJsonAsync("/admin/v1/tenants/acme/hostnames", new { hostname });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("hostname", out _));
    }

    [Fact]
    public async Task Hostnames_api_lists_and_deletes_and_needs_the_staff_key()
    {
        await using var host = new GeoSiteHost();
        await host.CreateTenantAsync("acme");
        var added = await AddAsync(host, "acme", "faq.acme.test");
        host.Dns.Records["_rose-challenge.faq.acme.test"] = [added.Token];
        await VerifyAsync(host, "acme", "faq.acme.test");
        await host.PublishAsync("acme", "acme_run1", [Install]);

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.GetAsync("/admin/v1/tenants/acme/hostnames")).StatusCode);
        var listed = await host.Staff.GetFromJsonAsync<List<HostnameView>>("/admin/v1/tenants/acme/hostnames");
        Assert.Equal("faq.acme.test", Assert.Single(listed!).Hostname);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Staff.GetAsync("/admin/v1/tenants/nobody/hostnames")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await host.Staff.DeleteAsync("/admin/v1/tenants/acme/hostnames/faq.acme.test")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetOnHostAsync(host, "faq.acme.test", "how-to-install")).StatusCode);
        Assert.Empty((await host.Staff.GetFromJsonAsync<List<HostnameView>>("/admin/v1/tenants/acme/hostnames"))!);
    }

    [Fact]
    public async Task Recheck_withdraws_a_verified_hostname_after_repeated_failures_and_verifies_a_pending_one()
    {
        await using var host = new GeoSiteHost();
        await host.CreateTenantAsync("acme");
        var withdrawn = await AddAsync(host, "acme", "old.acme.test");
        var later = await AddAsync(host, "acme", "new.acme.test");
        host.Dns.Records["_rose-challenge.old.acme.test"] = [withdrawn.Token];
        await VerifyAsync(host, "acme", "old.acme.test");
        host.Dns.Records.TryRemove("_rose-challenge.old.acme.test", out _);
        host.Dns.Records["_rose-challenge.new.acme.test"] = [later.Token];

        for (var run = 0; run < 3; run++)
        {
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<HostnameRecheckJob>().RunAsync(CancellationToken.None);
        }

        var listed = (await host.Staff.GetFromJsonAsync<List<HostnameView>>("/admin/v1/tenants/acme/hostnames"))!.ToDictionary(h => h.Hostname, h => h.Status);
        Assert.Equal("pending", listed["old.acme.test"]);
        Assert.Equal("verified", listed["new.acme.test"]);
    }
}
