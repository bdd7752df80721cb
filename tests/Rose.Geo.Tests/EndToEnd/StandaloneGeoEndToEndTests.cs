using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Rose.Geo.Tests.Support;
using Rose.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Rose.Geo.Tests.EndToEnd;

/// <summary>
/// The standalone host end to end over HTTP only, with its own site publisher: visitors ask through the
/// widget API, client staff start a run and approve it, the run is published, and the published site is
/// read back under <c>/geo/demo/</c> (sitemap, a page, llms.txt) while IndexNow (a stub) hears of exactly
/// the published addresses.
/// </summary>
public sealed class StandaloneGeoEndToEndTests(ITestOutputHelper log) : IDisposable
{
    private readonly string dataPath = Directory.CreateTempSubdirectory("rose-geo-e2e-").FullName;

    [Fact]
    public async Task Standalone_host_publishes_a_run_started_and_approved_through_the_api()
    {
        using var indexNow = new ExternalApiStub();
        indexNow.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/indexnow").UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(202));
        await using var host = await GeoHost.StartAsync(dataPath, publisher: null, new Dictionary<string, string>
        {
            ["Rose:Geo:IndexNow:Endpoint"] = indexNow.Url + "/indexnow",
            ["Rose:Geo:PublicBaseUrl"] = "https://faq.example.test",
        });
        foreach (var question in DemoQuestions.RunWithDapr.Take(3).Concat(DemoQuestions.LeadScoring.Take(3)))
        {
            await AskAsWidgetAsync(host, question);
        }

        var clock = Stopwatch.StartNew();
        var instanceId = await host.StartRunAsync();
        var review = await host.WaitForStatusAsync(instanceId, "awaiting-review");
        Assert.Equal(2, review.GetProperty("pages").GetArrayLength());
        await host.ApproveAllAsync(instanceId);
        var published = await host.WaitForStatusAsync(instanceId, "published");

        await AssertPublishedAsync(host, indexNow, published);
        log.WriteLine($"GEO run figures: {published.GetProperty("questions").GetInt32()} questions, {published.GetProperty("clusters").GetInt32()} clusters, "
                      + $"{published.GetProperty("pages").GetArrayLength()} pages, {clock.Elapsed.TotalSeconds:F1} s from start to published");
    }

    private static async Task AskAsWidgetAsync(GeoHost host, string question)
    {
        using var widget = host.Factory.CreateClient();
        widget.DefaultRequestHeaders.Add("X-Rose-Key", RoseAppFactory<Program>.DemoPublicKey);
        using var started = await widget.PostAsync("/rose/v1/conversations", null);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var conversation = await started.Content.ReadFromJsonAsync<JsonElement>();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/rose/v1/conversations/{conversation.GetProperty("conversationId").GetString()}/messages")
        {
            Content = JsonContent.Create(new { text = question }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversation.GetProperty("token").GetString());
        using var answer = await widget.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        await answer.Content.ReadAsStringAsync();
    }

    /// <summary>
    /// Every page published and listed; the site under /geo/demo/: a sitemap naming each page at the
    /// public base URL, each page's HTML with its question, llms.txt linking the pages; one IndexNow POST.
    /// </summary>
    private static async Task AssertPublishedAsync(GeoHost host, ExternalApiStub indexNow, JsonElement published)
    {
        Assert.All(published.GetProperty("pages").EnumerateArray(), p => Assert.Equal("published", p.GetProperty("state").GetString()));
        var pages = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/geo/pages");
        Assert.Equal(2, pages.GetArrayLength());

        using var visitor = host.Factory.CreateClient();
        var sitemap = System.Xml.Linq.XDocument.Parse(await visitor.GetStringAsync($"/geo/{GeoHost.Tenant}/sitemap.xml"));
        System.Xml.Linq.XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locations = sitemap.Descendants(ns + "loc").Select(l => l.Value).ToList();
        var llms = await visitor.GetStringAsync($"/geo/{GeoHost.Tenant}/llms.txt");
        Assert.StartsWith("# ", llms);
        foreach (var page in published.GetProperty("pages").EnumerateArray())
        {
            var question = page.GetProperty("question").GetString()!;
            var pageUrl = $"https://faq.example.test/geo/{GeoHost.Tenant}/{SlugOf(pages, page.GetProperty("pageId").GetString()!)}";
            Assert.Contains(pageUrl, locations);
            Assert.Contains(pageUrl, llms, StringComparison.Ordinal);
            var html = await visitor.GetStringAsync(new Uri(pageUrl).AbsolutePath);
            Assert.Contains(WebUtility.HtmlEncode(question), html, StringComparison.Ordinal);
            Assert.Contains("application/ld+json", html, StringComparison.Ordinal);
        }

        // The stub logs a request once it has answered it: wait for the entry rather than race it.
        await Eventually.UntilAsync(() => indexNow.CallsTo("/indexnow") > 0, TimeSpan.FromSeconds(20), "IndexNow to be pinged");
        var ping = Assert.Single(indexNow.Server.LogEntries, e => e.RequestMessage.Path == "/indexnow");
        var urlList = JsonDocument.Parse(ping.RequestMessage.Body!).RootElement.GetProperty("urlList").EnumerateArray().Select(u => u.GetString()).ToList();
        Assert.All(locations, l => Assert.Contains(l, urlList));
    }

    private static string SlugOf(JsonElement pages, string pageId) =>
        pages.EnumerateArray().Single(p => p.GetProperty("pageId").GetString() == pageId).GetProperty("slug").GetString()!;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataPath, recursive: true);
    }
}
