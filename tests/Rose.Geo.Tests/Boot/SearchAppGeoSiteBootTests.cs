extern alias search;

using System.Net;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Rose.Geo.Site;
using Rose.Tenancy;
using Rose.Testing;
using Xunit;
using SearchHost = search::Program;

namespace Rose.Geo.Tests.Boot;

/// <summary>
/// The search app alone (apps/search as its Program.cs composes it, embedded runtime — not the standalone
/// host) is the public read path of the published GEO sites: after a publish through the site publisher it
/// registers, on the blob store it reads, it serves the tenant's sitemap, a page, llms.txt and 304s.
/// </summary>
public sealed class SearchAppGeoSiteBootTests
{
    private const string Tenant = "globex";
    private const string PublicBaseUrl = "https://faq.globex.test";

    [Fact]
    public async Task Search_app_serves_the_sitemap_a_page_and_llms_txt_of_a_published_site()
    {
        using var indexNow = new ExternalApiStub();
        indexNow.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/indexnow").UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200));
        await using var app = new RoseAppFactory<SearchHost>()
            .With("Rose:Demo:Enabled", "false")
            .With("Rose:Geo:PublicBaseUrl", PublicBaseUrl)
            .With("Rose:Geo:IndexNow:Endpoint", indexNow.Url + "/indexnow");
        using var visitor = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/geo/{Tenant}/sitemap.xml")).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TenantAdministration>().CreateAsync(new NewTenant(Tenant, "Globex"), CancellationToken.None);
        }

        var page = new GeoPage("q-sso", "how-do-i-turn-on-single-sign-on", "How do I turn on single sign-on?",
            "Open Settings, then Security, and choose your identity provider.",
            [new GeoCitation("Security", "https://docs.globex.test/security", "Open Settings, then Security.")], "Security", DateTimeOffset.UtcNow);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<IGeoSitePublisher>().PublishAsync(Tenant, "publish-1", [page]);
            Assert.Contains($"{PublicBaseUrl}/geo/{Tenant}/{page.Slug}", outcome.ChangedUrls);
        }

        using var sitemap = await visitor.GetAsync($"/geo/{Tenant}/sitemap.xml");
        Assert.Equal(HttpStatusCode.OK, sitemap.StatusCode);
        Assert.Equal("application/xml", sitemap.Content.Headers.ContentType?.MediaType);
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locations = XDocument.Parse(await sitemap.Content.ReadAsStringAsync()).Descendants(ns + "loc").Select(l => l.Value).ToList();
        Assert.Contains($"{PublicBaseUrl}/geo/{Tenant}/{page.Slug}", locations);

        using var html = await visitor.GetAsync($"/geo/{Tenant}/{page.Slug}");
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("How do I turn on single sign-on?", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var etag = html.Headers.ETag;
        Assert.NotNull(etag);
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/geo/{Tenant}/{page.Slug}");
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await visitor.SendAsync(again)).StatusCode);

        var llms = await visitor.GetStringAsync($"/geo/{Tenant}/llms.txt");
        Assert.Contains($"{PublicBaseUrl}/geo/{Tenant}/{page.Slug}", llms, StringComparison.Ordinal);
    }
}
