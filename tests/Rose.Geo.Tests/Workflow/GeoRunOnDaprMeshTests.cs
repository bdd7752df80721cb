using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using System.Xml.Schema;
using AngleSharp.Html.Parser;
using Dapr.DurableTask.Protobuf;
using Rose.Geo.Tests.Support;
using Rose.Platform;
using Rose.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Rose.Geo.Tests.Workflow;

/// <summary>
/// GeoPublishingWorkflow on the Dapr runtime: the worker's real Dapr.Workflow worker over the test
/// mesh's workflow engine, started and reviewed by client staff through the backoffice API (which
/// reaches the worker's workflow API by service invocation and raises <c>geo.review</c> there),
/// published through the blob binding, read back through the search app, pinged to a stub of IndexNow.
/// </summary>
public sealed class GeoRunOnDaprMeshTests(ITestOutputHelper log) : IAsyncLifetime
{
    private GeoMesh geo = null!;

    /// <summary>Three needs (Dapr, Kubernetes, lead scoring) the three docs answer, and one they do not (SLA).</summary>
    private static IEnumerable<string> Questions() =>
        DemoQuestions.RunWithDapr.Concat(DemoQuestions.Kubernetes).Concat(DemoQuestions.LeadScoring.Take(3)).Concat(DemoQuestions.SlaGap);

    public async Task InitializeAsync() => geo = await GeoMesh.StartAsync();

    public async Task DisposeAsync() => await geo.DisposeAsync();

    [Fact]
    public async Task Run_started_and_reviewed_through_the_api_publishes_through_the_blob_binding_and_pings_indexnow_once()
    {
        await geo.SeedAsync(Questions());

        var instanceId = await geo.StartRunAsync();
        var review = await geo.WaitForStatusAsync(instanceId, "awaiting-review");
        var pages = review.GetProperty("pages").EnumerateArray().ToList();
        Assert.True(pages.Count == 3, "Expected the three answerable needs as pages, got: " + string.Join(" | ", pages.Select(p => p.GetProperty("question").GetString())));
        Assert.Single(review.GetProperty("gaps").EnumerateArray());
        Assert.Empty(geo.IndexNowPings());
        Assert.Empty(geo.Blobs());
        // Started on the worker's sidecar, by the backoffice through the worker's workflow API.
        Assert.Contains(geo.Mesh.Invocations, i => i.CallerAppId == AppIds.Backoffice && i.TargetAppId == AppIds.Worker);
        Assert.NotNull(geo.Engine.Find(instanceId));

        await geo.ApproveAllAsync(instanceId);
        var published = await geo.WaitForStatusAsync(instanceId, "published");

        var record = await geo.Engine.WaitForCompletionAsync(instanceId, GeoMesh.Wait);
        Assert.Equal(OrchestrationStatus.Completed, record.Status);
        Assert.Contains(record.History, e => e.EventRaised is { Name: "geo.review" });
        Assert.All(record.ActivityPayloads, p => Assert.True(p.InputBytes < 4096 && (p.OutputBytes ?? 0) < 16 * 1024, $"{p.Name}: {p.InputBytes} / {p.OutputBytes} bytes"));
        Assert.All(published.GetProperty("pages").EnumerateArray(), p => Assert.Equal("published", p.GetProperty("state").GetString()));
        Assert.NotEmpty(geo.Blobs());

        // Visitors read the site through the search app, which reads the same blob binding: the output of a
        // real run checked as the renderer's tests check it (sitemaps.org XSD, AngleSharp, JSON-LD, llms.txt).
        var sitemap = XDocument.Parse(await geo.Visitor.GetStringAsync($"/geo/{GeoMesh.Tenant}/sitemap.xml"));
        var schemas = new XmlSchemaSet();
        schemas.Add("http://www.sitemaps.org/schemas/sitemap/0.9", Path.Combine(AppContext.BaseDirectory, "Site", "sitemap.xsd"));
        var schemaErrors = new List<string>();
        sitemap.Validate(schemas, (_, e) => schemaErrors.Add(e.Message));
        Assert.Empty(schemaErrors);
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locations = sitemap.Descendants(ns + "loc").Select(l => l.Value).ToList();
        var pageUrls = PageUrls(published);
        Assert.All(pageUrls, url => Assert.Contains(url, locations));
        foreach (var page in published.GetProperty("pages").EnumerateArray())
        {
            var html = await geo.Visitor.GetStringAsync($"/geo/{GeoMesh.Tenant}/{page.GetProperty("slug").GetString()}");
            var document = new HtmlParser().ParseDocument(html);
            Assert.Equal(page.GetProperty("question").GetString(), document.QuerySelector("h1")?.TextContent);
            var script = Assert.Single(document.QuerySelectorAll("script"));
            Assert.Equal("application/ld+json", script.GetAttribute("type"));
            using var jsonLd = JsonDocument.Parse(script.TextContent);
            Assert.Equal("QAPage", jsonLd.RootElement.GetProperty("@type").GetString());
            Assert.Equal(JsonValueKind.String, jsonLd.RootElement.GetProperty("mainEntity").GetProperty("acceptedAnswer").GetProperty("text").ValueKind);
            Assert.All(document.QuerySelectorAll("a[href]"), a => Assert.DoesNotMatch("^\\s*(javascript|data):", a.GetAttribute("href")!));
        }

        using (var index = JsonDocument.Parse(new HtmlParser().ParseDocument(await geo.Visitor.GetStringAsync($"/geo/{GeoMesh.Tenant}/")).QuerySelector("script[type='application/ld+json']")!.TextContent))
        {
            Assert.Equal("FAQPage", index.RootElement.GetProperty("@type").GetString());
            Assert.Equal(pageUrls.Count, index.RootElement.GetProperty("mainEntity").GetArrayLength());
            Assert.All(index.RootElement.GetProperty("mainEntity").EnumerateArray(), q => Assert.Equal("Question", q.GetProperty("@type").GetString()));
        }

        var llms = (await geo.Visitor.GetStringAsync($"/geo/{GeoMesh.Tenant}/llms.txt")).Split('\n');
        Assert.StartsWith("# ", llms[0], StringComparison.Ordinal);
        Assert.StartsWith("> ", llms.First(l => l.Length > 0 && !l.StartsWith("# ", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains(llms, l => l.StartsWith("## ", StringComparison.Ordinal));
        Assert.Equal(pageUrls.Count, llms.Count(l => l.StartsWith("- [", StringComparison.Ordinal)));

        await Eventually.UntilAsync(() => geo.IndexNowPings().Count > 0, GeoMesh.Wait, "IndexNow to be pinged");
        var ping = Assert.Single(geo.IndexNowPings());
        Assert.Equal(ping.Count, ping.Distinct().Count());
        Assert.All(pageUrls, url => Assert.Contains(url, ping));
        Assert.All(ping, url => Assert.StartsWith($"{GeoMesh.PublicBaseUrl}/geo/{GeoMesh.Tenant}/", url, StringComparison.Ordinal));
        Assert.Equal(1, geo.Publishes.Calls);
        log.WriteLine($"{published.GetProperty("questions").GetInt32()} questions, {published.GetProperty("clusters").GetInt32()} clusters, {pageUrls.Count} pages, {record.Turns} orchestrator turns");
    }

    [Fact]
    public async Task Worker_stopped_after_publishing_and_before_the_workflow_heard_of_it_resumes_with_no_duplicate_page_or_ping()
    {
        geo.Publishes.HoldAfterFirstPublish = true;
        await geo.SeedAsync(Questions());
        var instanceId = await geo.StartRunAsync();
        await geo.WaitForStatusAsync(instanceId, "awaiting-review");
        await geo.ApproveAllAsync(instanceId);
        await geo.Publishes.FirstPublishDone.Task.WaitAsync(GeoMesh.Wait);
        await Eventually.UntilAsync(() => geo.IndexNowPings().Count > 0, GeoMesh.Wait, "IndexNow to be pinged by the first worker");
        var blobsWritten = geo.Blobs().Order(StringComparer.Ordinal).ToList();
        Assert.Equal("publishing", (await geo.RunAsync(instanceId)).GetProperty("status").GetString());

        await geo.StopWorkerAsync();
        await geo.StartWorkerAsync();
        var done = await geo.WaitForStatusAsync(instanceId, "published");

        // The publish activity ran again on the new worker, under the same publish id: nothing written twice, no second ping.
        Assert.Equal(2, geo.Publishes.Calls);
        Assert.Single(geo.IndexNowPings());
        Assert.Equal(blobsWritten, geo.Blobs().Order(StringComparer.Ordinal));
        var pageIds = done.GetProperty("pages").EnumerateArray().Select(p => p.GetProperty("pageId").GetString()).ToList();
        Assert.Equal(pageIds.Count, pageIds.Distinct().Count());
        var listed = await geo.Api.GetFromJsonAsync<JsonElement>("/api/v1/geo/pages");
        Assert.Equal(pageIds.Order(), listed.EnumerateArray().Select(p => p.GetProperty("pageId").GetString()).Order());
        Assert.All(listed.EnumerateArray(), p => Assert.Equal("published", p.GetProperty("state").GetString()));
        Assert.Equal(OrchestrationStatus.Completed, (await geo.Engine.WaitForCompletionAsync(instanceId, GeoMesh.Wait)).Status);
    }

    [Fact]
    public async Task Review_sent_after_the_worker_restarted_continues_the_waiting_run()
    {
        await geo.SeedAsync(Questions());
        var instanceId = await geo.StartRunAsync();
        await geo.WaitForStatusAsync(instanceId, "awaiting-review");

        await geo.StopWorkerAsync();
        Assert.Equal("awaiting-review", (await geo.RunAsync(instanceId)).GetProperty("status").GetString());
        await geo.StartWorkerAsync();
        await geo.ApproveAllAsync(instanceId);

        var done = await geo.WaitForStatusAsync(instanceId, "published");
        Assert.All(done.GetProperty("pages").EnumerateArray(), p => Assert.Equal("published", p.GetProperty("state").GetString()));
        await Eventually.UntilAsync(() => geo.IndexNowPings().Count > 0, GeoMesh.Wait, "IndexNow to be pinged");
        Assert.Single(geo.IndexNowPings());
        Assert.Equal(1, geo.Publishes.Calls);
        Assert.Equal(OrchestrationStatus.Completed, (await geo.Engine.WaitForCompletionAsync(instanceId, GeoMesh.Wait)).Status);
    }

    [Fact]
    public async Task Knowledge_update_over_the_broadcast_topic_redrafts_and_republishes_only_the_pages_citing_the_changed_document()
    {
        await geo.SeedAsync(Questions());
        var first = await geo.StartRunAsync();
        await geo.WaitForStatusAsync(first, "awaiting-review");
        await geo.ApproveAllAsync(first);
        var published = await geo.WaitForStatusAsync(first, "published");
        await Eventually.UntilAsync(() => geo.IndexNowPings().Count == 1, GeoMesh.Wait, "the first publish to be pinged");
        var citing = published.GetProperty("pages").EnumerateArray().ToDictionary(
            p => p.GetProperty("pageId").GetString()!,
            p => p.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("url").GetString()!).ToHashSet());
        var changed = GeoMesh.Documents.FirstOrDefault(d => citing.Values.Any(urls => urls.Contains(GeoMesh.UrlOf(d))) && !citing.Values.All(urls => urls.Contains(GeoMesh.UrlOf(d))))
            ?? throw new Xunit.Sdk.XunitException("No document is cited by some pages and not others: " + JsonSerializer.Serialize(citing));

        // A new version of that document, loaded by the worker, whose knowledge.updated reaches the worker over the broadcast component.
        await geo.UploadAsync(changed, File.ReadAllText(RepositoryRoot.PathOf("docs", changed)) + "\n\n## Updated\n\nThis page was revised by the documentation team.\n");
        JsonElement redraft = default;
        await Eventually.UntilAsync(async () =>
        {
            var runs = await geo.Api.GetFromJsonAsync<JsonElement>("/api/v1/geo/runs");
            var latest = runs.EnumerateArray().FirstOrDefault(r => r.GetProperty("trigger").GetString() == "knowledge-updated");
            if (latest.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            redraft = await geo.RunAsync(latest.GetProperty("instanceId").GetString()!);
            Assert.NotEqual("failed", redraft.GetProperty("status").GetString());
            return redraft.GetProperty("status").GetString() == "awaiting-review";
        }, GeoMesh.Wait, "the redraft run to wait for its review");
        Assert.Contains(geo.Mesh.PubSub.Attempts, a => a.Topic == "knowledge.updated" && a.AppId == AppIds.Worker && a.Result == Rose.Testing.Dapr.Mesh.DeliveryResult.Success);

        var expected = citing.Where(p => p.Value.Contains(GeoMesh.UrlOf(changed))).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, redraft.GetProperty("pages").EnumerateArray().Select(p => p.GetProperty("pageId").GetString()!).Order(StringComparer.Ordinal));
        Assert.True(expected.Count < citing.Count);

        // Republished: the second ping names the redrafted pages and none of the untouched ones.
        var redraftId = redraft.GetProperty("instanceId").GetString()!;
        await geo.ApproveAllAsync(redraftId);
        await geo.WaitForStatusAsync(redraftId, "published");
        await Eventually.UntilAsync(() => geo.IndexNowPings().Count == 2, GeoMesh.Wait, "the republish to be pinged");
        var second = geo.IndexNowPings()[1];
        var slugs = published.GetProperty("pages").EnumerateArray().ToDictionary(p => p.GetProperty("pageId").GetString()!, p => p.GetProperty("slug").GetString()!);
        Assert.All(expected, id => Assert.Contains(PageUrl(slugs[id]), second));
        Assert.All(citing.Keys.Except(expected), id => Assert.DoesNotContain(PageUrl(slugs[id]), second));
        log.WriteLine($"{changed} changed: redrafted {string.Join(", ", expected)} of {citing.Count} pages; second ping: {string.Join(" ", second)}");
    }

    private static string PageUrl(string slug) => $"{GeoMesh.PublicBaseUrl}/geo/{GeoMesh.Tenant}/{slug}";

    private static List<string> PageUrls(JsonElement run) =>
        [.. run.GetProperty("pages").EnumerateArray().Select(p => PageUrl(p.GetProperty("slug").GetString()!))];
}
