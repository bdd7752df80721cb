using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Rose.Geo.Site;
using Xunit;

namespace Rose.Geo.Tests.Site;

public sealed class GeoSitePublisherTests
{
    private static readonly GeoPage Install = HostilePages.Page("how-to-install", "How do I install Rose?", "Run dotnet run.");
    private static readonly GeoPage Pricing = HostilePages.Page("pricing", "What does Rose cost?", "Rose is free and open source.", "Pricing");

    private static (string Host, string Key, string KeyLocation, List<string> Urls) Ping(WireMock.Logging.ILogEntry entry)
    {
        using var json = JsonDocument.Parse(entry.RequestMessage.Body!);
        var root = json.RootElement;
        return (root.GetProperty("host").GetString()!, root.GetProperty("key").GetString()!, root.GetProperty("keyLocation").GetString()!,
            [.. root.GetProperty("urlList").EnumerateArray().Select(u => u.GetString()!)]);
    }

    [Fact]
    public async Task PublishAsync_pings_IndexNow_once_with_exactly_the_changed_urls_when_a_page_changes()
    {
        await using var host = new GeoSiteHost();
        await host.CreateTenantAsync("acme");

        var first = await host.PublishAsync("acme", "acme_run1", [Install, Pricing]);
        var changedPricing = Pricing with { Answer = "Rose is free; support plans exist.", UpdatedAt = Pricing.UpdatedAt.AddDays(1) };
        var second = await host.PublishAsync("acme", "acme_run2", [Install, changedPricing]);

        string[] everything = ["", "how-to-install", "how-to-install.md", "llms.txt", "pricing", "pricing.md", "sitemap.xml"];
        Assert.Equal(everything.Select(p => GeoSiteHost.Url("acme", p)).Order(), first.ChangedUrls.Order());
        string[] changed = ["", "llms.txt", "pricing", "pricing.md", "sitemap.xml"];
        Assert.Equal(changed.Select(p => GeoSiteHost.Url("acme", p)).Order(), second.ChangedUrls.Order());
        Assert.Equal(("accepted", "accepted"), (first.IndexNowStatus, second.IndexNowStatus));

        Assert.Equal(2, host.IndexNowPosts.Count);
        var ping = Ping(host.IndexNowPosts[1]);
        Assert.Equal("rose.test", ping.Host);
        Assert.Equal(second.ChangedUrls.Order(), ping.Urls.Order());
        Assert.Equal(GeoSiteHost.Url("acme", ping.Key + ".txt"), ping.KeyLocation);
        // The key file IndexNow fetches is served where keyLocation says, holding the key.
        Assert.Equal(ping.Key, await host.Client.GetStringAsync($"/geo/acme/{ping.Key}.txt"));
    }

    [Fact]
    public async Task PublishAsync_neither_rewrites_nor_pings_again_when_the_publishId_repeats()
    {
        await using var host = new GeoSiteHost();
        await host.CreateTenantAsync("acme");

        var first = await host.PublishAsync("acme", "acme_run1", [Install]);
        var etag = (await host.Client.GetAsync("/geo/acme/how-to-install")).Headers.ETag;
        var again = await host.PublishAsync("acme", "acme_run1", [Install]);

        Assert.Single(host.IndexNowPosts);
        Assert.Equal(first.ChangedUrls, again.ChangedUrls);
        Assert.Equal(first.IndexNowStatus, again.IndexNowStatus);
        Assert.Equal(etag, (await host.Client.GetAsync("/geo/acme/how-to-install")).Headers.ETag);
    }

    [Fact]
    public async Task PublishAsync_sends_nothing_when_nothing_changed()
    {
        await using var host = new GeoSiteHost();
        await host.CreateTenantAsync("acme");

        await host.PublishAsync("acme", "acme_run1", [Install]);
        var unchanged = await host.PublishAsync("acme", "acme_run2", [Install]);

        Assert.Empty(unchanged.ChangedUrls);
        Assert.Equal("skipped", unchanged.IndexNowStatus);
        Assert.Single(host.IndexNowPosts);
    }

    [Theory]
    [InlineData(202, "accepted")]
    [InlineData(422, "rejected")]
    [InlineData(429, "throttled")]
    [InlineData(500, "failed")]
    public async Task PublishAsync_records_how_IndexNow_answered_when_it_answers_status(int status, string recorded)
    {
        await using var host = new GeoSiteHost(indexNowStatus: status);
        await host.CreateTenantAsync("acme");

        var outcome = await host.PublishAsync("acme", "acme_run1", [Install]);
        var retried = await host.PublishAsync("acme", "acme_run1", [Install]);

        Assert.Equal(recorded, outcome.IndexNowStatus);
        Assert.Equal(recorded, retried.IndexNowStatus);
        // One POST: no automatic retry of a 429 or 5xx, and none for the repeated publish id.
        Assert.Single(host.IndexNowPosts);
        // The site is published whatever IndexNow said.
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/geo/acme/how-to-install")).StatusCode);
    }

    [Fact]
    public async Task PublishAsync_removes_pages_and_updates_sitemap_and_llms_txt_when_a_page_is_unpublished()
    {
        await using var host = new GeoSiteHost();
        await host.CreateTenantAsync("acme");
        await host.PublishAsync("acme", "acme_run1", [Install, Pricing]);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/geo/acme/pricing")).StatusCode);

        var outcome = await host.PublishAsync("acme", "acme_run2", [Install]);

        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/geo/acme/pricing")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/geo/acme/pricing.md")).StatusCode);
        var sitemap = await host.Client.GetStringAsync("/geo/acme/sitemap.xml");
        var llms = await host.Client.GetStringAsync("/geo/acme/llms.txt");
        Assert.DoesNotContain("pricing", sitemap, StringComparison.Ordinal);
        Assert.DoesNotContain("pricing", llms, StringComparison.Ordinal);
        Assert.Contains(GeoSiteHost.Url("acme", "how-to-install"), sitemap, StringComparison.Ordinal);
        Assert.Contains(GeoSiteHost.Url("acme", "pricing"), outcome.ChangedUrls);
        Assert.Contains(GeoSiteHost.Url("acme", "pricing.md"), outcome.ChangedUrls);
        Assert.DoesNotContain(GeoSiteHost.Url("acme", "how-to-install"), outcome.ChangedUrls);
    }

    [Fact]
    public async Task PublishAsync_lets_a_reader_see_the_old_set_until_the_manifest_switches_when_a_reader_comes_mid_publish()
    {
        await using var host = new GeoSiteHost(gated: true);
        await host.CreateTenantAsync("acme");
        await host.PublishAsync("acme", "acme_run1", [Install, Pricing]);
        var oldIndex = await host.Client.GetStringAsync("/geo/acme/");

        host.Gate.Armed = true;
        var changed = Install with { Question = "How do I install Rose on Linux?", UpdatedAt = Install.UpdatedAt.AddDays(1) };
        var publishing = host.PublishAsync("acme", "acme_run2", [changed]);
        await host.Gate.Paused.Task.WaitAsync(TimeSpan.FromSeconds(20));

        // Mid-publish: part of the new set is written, but readers still get the old set whole.
        Assert.Equal(oldIndex, await host.Client.GetStringAsync("/geo/acme/"));
        Assert.Contains("How do I install Rose?", await host.Client.GetStringAsync("/geo/acme/how-to-install"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/geo/acme/pricing")).StatusCode);

        host.Gate.Release.SetResult();
        await publishing.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Contains("How do I install Rose on Linux?", await host.Client.GetStringAsync("/geo/acme/how-to-install"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/geo/acme/pricing")).StatusCode);
    }

    [Fact]
    public async Task Get_answers_304_with_the_etag_when_the_file_did_not_change()
    {
        await using var host = new GeoSiteHost();
        await host.CreateTenantAsync("acme");
        await host.PublishAsync("acme", "acme_run1", [Install]);

        var first = await host.Client.GetAsync("/geo/acme/how-to-install");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.StartsWith("text/html", first.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        Assert.True(first.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromMinutes(5), first.Headers.CacheControl.MaxAge);
        var etag = first.Headers.ETag!;

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/geo/acme/how-to-install");
        conditional.Headers.IfNoneMatch.Add(etag);
        var notModified = await host.Client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(etag, notModified.Headers.ETag);

        await host.PublishAsync("acme", "acme_run2", [Install with { Answer = "Run dotnet run in the repository." }]);
        using var stale = new HttpRequestMessage(HttpMethod.Get, "/geo/acme/how-to-install");
        stale.Headers.IfNoneMatch.Add(etag);
        var changed = await host.Client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }

    [Fact]
    public async Task Get_serves_each_file_of_the_site_with_its_content_type()
    {
        await using var host = new GeoSiteHost();
        await host.CreateTenantAsync("acme");
        await host.PublishAsync("acme", "acme_run1", [Install]);

        foreach (var (path, type) in new[] { ("", "text/html"), ("how-to-install.md", "text/markdown"), ("sitemap.xml", "application/xml"), ("robots.txt", "text/plain"), ("llms.txt", "text/plain") })
        {
            var response = await host.Client.GetAsync("/geo/acme/" + path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/geo/acme/nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/geo/nobody/")).StatusCode);
    }

    [Fact]
    public async Task Get_never_serves_a_tenants_pages_under_another_tenant_when_both_published()
    {
        await using var host = new GeoSiteHost();
        await host.CreateTenantAsync("acme");
        await host.CreateTenantAsync("globex");
        await host.PublishAsync("acme", "acme_run1", [Install]);
        await host.PublishAsync("globex", "globex_run1", [Pricing]);

        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/geo/acme/pricing")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/geo/globex/how-to-install")).StatusCode);
        Assert.DoesNotContain("pricing", await host.Client.GetStringAsync("/geo/acme/sitemap.xml"), StringComparison.Ordinal);
        var pings = host.IndexNowPosts.Select(Ping).ToList();
        Assert.NotEqual(pings[0].Key, pings[1].Key);
        Assert.All(pings[0].Urls, u => Assert.StartsWith(GeoSiteHost.Url("acme"), u, StringComparison.Ordinal));
        Assert.All(pings[1].Urls, u => Assert.StartsWith(GeoSiteHost.Url("globex"), u, StringComparison.Ordinal));
    }
}
