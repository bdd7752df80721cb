using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rose.Geo.Tests.Support;
using Rose.Knowledge.Events;
using Rose.Knowledge.Ingestion;
using Rose.Platform.PubSub;
using Rose.Storage;
using Rose.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Rose.Geo.Tests.Workflow;

/// <summary>GeoPublishingWorkflow on the embedded runner inside the standalone host, through the backoffice and admin APIs.</summary>
public sealed class GeoRunEmbeddedTests(ITestOutputHelper log) : IDisposable
{
    private readonly string dataPath = Directory.CreateTempSubdirectory("rose-geo-").FullName;

    private static IEnumerable<VisitorQuestionSeed> TwoNeeds() =>
        DemoQuestions.RunWithDapr.Concat(DemoQuestions.Kubernetes).Concat(DemoQuestions.SlaGap).Select(q => new VisitorQuestionSeed(q));

    [Fact]
    public async Task Run_publishes_the_approved_and_edited_pages_and_leaves_out_the_rejected_one()
    {
        var publisher = new RecordingSitePublisher();
        await using var host = await GeoHost.StartAsync(dataPath, publisher);
        // A run under MinQuestionsToCenter questions: clustered on raw embeddings.
        await host.SeedAsync(DemoQuestions.RunWithDapr.Concat(DemoQuestions.Kubernetes).Concat(DemoQuestions.LeadScoring.Take(3)).Concat(DemoQuestions.SlaGap).Select(q => new VisitorQuestionSeed(q)));

        var instanceId = await host.StartRunAsync();
        var run = await host.WaitForStatusAsync(instanceId, "awaiting-review");
        var pages = run.GetProperty("pages").EnumerateArray().ToList();
        Assert.True(pages.Count == 3, "Expected the three answerable needs as pages, got: " + string.Join(" | ", pages.Select(p => p.GetProperty("question").GetString())));
        Assert.All(pages, p => Assert.Equal("pending-review", p.GetProperty("state").GetString()));
        Assert.All(pages, p => Assert.NotEmpty(p.GetProperty("citations").EnumerateArray()));
        Assert.Single(run.GetProperty("gaps").EnumerateArray());
        Assert.Empty(publisher.Calls);

        var (approved, edited, rejected) = (pages[0].GetProperty("pageId").GetString()!, pages[1].GetProperty("pageId").GetString()!, pages[2].GetProperty("pageId").GetString()!);
        using (var first = await host.ReviewAsync(instanceId, new object[] { new { pageId = approved, action = "approve" } }))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        }

        // One page decided of three: the run still waits.
        await Eventually.UntilAsync(async () => (await host.RunAsync(instanceId)).GetProperty("pages").EnumerateArray().Any(p => p.GetProperty("state").GetString() == "approved"), TimeSpan.FromSeconds(30), "the first decision to be recorded");
        Assert.Equal("awaiting-review", (await host.RunAsync(instanceId)).GetProperty("status").GetString());
        using (var rest = await host.ReviewAsync(instanceId, new object[]
               {
                   new { pageId = edited, action = "edit", answer = "Edited by staff: see the docs." },
                   new { pageId = rejected, action = "reject" },
               }))
        {
            Assert.Equal(HttpStatusCode.Accepted, rest.StatusCode);
        }

        var done = await host.WaitForStatusAsync(instanceId, "published");
        var states = done.GetProperty("pages").EnumerateArray().ToDictionary(p => p.GetProperty("pageId").GetString()!, p => p.GetProperty("state").GetString());
        Assert.Equal("published", states[approved]);
        Assert.Equal("published", states[edited]);
        Assert.Equal("rejected", states[rejected]);
        var call = Assert.Single(publisher.Calls);
        Assert.Equal(GeoHost.Tenant, call.TenantId);
        Assert.Equal(instanceId, call.PublishId);
        Assert.Equal([approved, edited], call.Pages.Select(p => p.PageId).Order(StringComparer.Ordinal));
        Assert.Equal("Edited by staff: see the docs.", call.Pages.Single(p => p.PageId == edited).Answer);
        var listed = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/geo/pages");
        Assert.Equal([approved, edited], listed.EnumerateArray().Select(p => p.GetProperty("pageId").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(listed.EnumerateArray(), p => Assert.Equal("accepted", p.GetProperty("indexNowStatus").GetString()));
    }

    [Fact]
    public async Task Small_run_keeps_each_needs_paraphrases_on_one_page()
    {
        await using var host = await GeoHost.StartAsync(dataPath, new RecordingSitePublisher());
        string[][] needs = [DemoQuestions.PostgreSql, DemoQuestions.RunWithDapr, DemoQuestions.Kubernetes];
        Assert.True(needs.Sum(n => n.Length) < new GeoOptions().MinQuestionsToCenter);
        await host.SeedAsync(needs.SelectMany(n => n).Select(q => new VisitorQuestionSeed(q)));

        var run = await host.WaitForStatusAsync(await host.StartRunAsync(), "awaiting-review");

        var pages = run.GetProperty("pages").EnumerateArray().Select(p => p.GetProperty("sourceQuestions").EnumerateArray().Select(q => q.GetString()!).ToHashSet()).ToList();
        foreach (var need in needs)
        {
            var expected = need.Select(q => Rose.Geo.Collection.PersonalDataScrubber.Scrub(q, [])).ToHashSet();
            var page = Assert.Single(pages, p => p.Overlaps(expected));
            Assert.True(page.SetEquals(expected), $"'{need[0]}' page holds: {string.Join(" | ", page)}");
        }

        Assert.Equal(needs.Length, pages.Count);
    }

    [Fact]
    public async Task Second_run_keeps_page_ids_and_slugs_and_unpublishes_a_page_it_rejects()
    {
        var publisher = new RecordingSitePublisher();
        await using var host = await GeoHost.StartAsync(dataPath, publisher);
        await host.SeedAsync(TwoNeeds());
        var first = await host.StartRunAsync();
        await host.WaitForStatusAsync(first, "awaiting-review");
        await host.ApproveAllAsync(first);
        var published = await host.WaitForStatusAsync(first, "published");
        var firstPages = published.GetProperty("pages").EnumerateArray().ToDictionary(p => p.GetProperty("pageId").GetString()!, p => p.GetProperty("slug").GetString());

        // The same needs asked again, in other words.
        await host.SeedAsync([new VisitorQuestionSeed("How do I start Rose together with Dapr?"), new VisitorQuestionSeed("How do I get Rose running on Kubernetes?")]);
        var second = await host.StartRunAsync();
        var review = await host.WaitForStatusAsync(second, "awaiting-review");
        var secondPages = review.GetProperty("pages").EnumerateArray().ToDictionary(p => p.GetProperty("pageId").GetString()!, p => p.GetProperty("slug").GetString());
        Assert.Equal(firstPages, secondPages);

        var rejected = secondPages.Keys.Order(StringComparer.Ordinal).First();
        using (var response = await host.ReviewAsync(second, secondPages.Keys.Select(id => new { pageId = id, action = id == rejected ? "reject" : "approve" }).ToList()))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var done = await host.WaitForStatusAsync(second, "published");
        Assert.Equal("unpublished", done.GetProperty("pages").EnumerateArray().Single(p => p.GetProperty("pageId").GetString() == rejected).GetProperty("state").GetString());
        Assert.Equal(2, publisher.Calls.Count);
        Assert.DoesNotContain(publisher.Calls[1].Pages, p => p.PageId == rejected);
        Assert.Equal(secondPages.Count - 1, publisher.Calls[1].Pages.Count);
    }

    [Fact]
    public async Task Run_killed_while_publishing_resumes_after_a_restart_with_the_same_publish_id_and_no_duplicate_page()
    {
        var publisher = new RecordingSitePublisher { HoldFirstCall = true };
        string instanceId;
        await using (var first = await GeoHost.StartAsync(dataPath, publisher))
        {
            await first.SeedAsync(TwoNeeds());
            instanceId = await first.StartRunAsync();
            await first.WaitForStatusAsync(instanceId, "awaiting-review");
            await first.ApproveAllAsync(instanceId);
            await publisher.FirstCallEntered.Task.WaitAsync(TimeSpan.FromMinutes(1));
            Assert.Equal("publishing", (await first.RunAsync(instanceId)).GetProperty("status").GetString());
        }

        await using var second = await GeoHost.StartAsync(dataPath, publisher);
        var done = await second.WaitForStatusAsync(instanceId, "published");

        Assert.True(publisher.Calls.Count >= 2, "the publish ran again after the restart");
        Assert.All(publisher.Calls, c => Assert.Equal(instanceId, c.PublishId));
        // The same set each time (records hold their citations in lists: compare them as JSON).
        Assert.All(publisher.Calls, c => Assert.Equal(JsonSerializer.Serialize(publisher.Calls[0].Pages), JsonSerializer.Serialize(c.Pages)));
        var pageIds = done.GetProperty("pages").EnumerateArray().Select(p => p.GetProperty("pageId").GetString()).ToList();
        Assert.Equal(pageIds.Distinct().Count(), pageIds.Count);
        var listed = await second.Api.GetFromJsonAsync<JsonElement>("/api/v1/geo/pages");
        Assert.Equal(pageIds.Order(), listed.EnumerateArray().Select(p => p.GetProperty("pageId").GetString()).Order());
    }

    [Fact]
    public async Task Review_sent_after_a_restart_continues_the_waiting_run()
    {
        var publisher = new RecordingSitePublisher();
        string instanceId;
        await using (var first = await GeoHost.StartAsync(dataPath, publisher))
        {
            await first.SeedAsync(TwoNeeds());
            instanceId = await first.StartRunAsync();
            await first.WaitForStatusAsync(instanceId, "awaiting-review");
        }

        await using var second = await GeoHost.StartAsync(dataPath, publisher);
        Assert.Equal("awaiting-review", (await second.RunAsync(instanceId)).GetProperty("status").GetString());
        await second.ApproveAllAsync(instanceId);

        await second.WaitForStatusAsync(instanceId, "published");
        Assert.Equal(instanceId, Assert.Single(publisher.Calls).PublishId);
    }

    [Fact]
    public async Task Knowledge_update_redrafts_only_the_pages_that_cite_the_changed_document()
    {
        var publisher = new RecordingSitePublisher();
        await using var host = await GeoHost.StartAsync(dataPath, publisher);
        await host.SeedAsync(TwoNeeds());
        var first = await host.StartRunAsync();
        await host.WaitForStatusAsync(first, "awaiting-review");
        await host.ApproveAllAsync(first);
        var published = await host.WaitForStatusAsync(first, "published");
        var pages = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/geo/pages");
        var byDocument = pages.EnumerateArray().ToDictionary(p => p.GetProperty("pageId").GetString()!, p => p.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("url").GetString()!).ToHashSet());
        Assert.Equal(2, byDocument.Count);
        var changedUrl = byDocument.Values.First().First(url => !byDocument.Values.Last().Contains(url));
        var documentId = await DocumentIdAsync(host, changedUrl);

        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IEventPublisher>().PublishAsync(new KnowledgeUpdated(GeoHost.Tenant, documentId, KnowledgeUpdated.Indexed));
        }

        JsonElement redraft = default;
        await Eventually.UntilAsync(async () =>
        {
            var runs = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/geo/runs");
            var latest = runs.EnumerateArray().FirstOrDefault(r => r.GetProperty("trigger").GetString() == "knowledge-updated");
            if (latest.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            redraft = await host.RunAsync(latest.GetProperty("instanceId").GetString()!);
            return redraft.GetProperty("status").GetString() == "awaiting-review";
        }, TimeSpan.FromMinutes(1), "the redraft run to wait for its review");

        var expected = byDocument.Where(p => p.Value.Contains(changedUrl)).Select(p => p.Key).Order().ToList();
        Assert.Equal(expected, redraft.GetProperty("pages").EnumerateArray().Select(p => p.GetProperty("pageId").GetString()!).Order());
        Assert.True(expected.Count < byDocument.Count);
        log.WriteLine($"redrafted {string.Join(", ", expected)} of {byDocument.Count} pages after {changedUrl} changed");
    }

    [Fact]
    public async Task Review_and_run_endpoints_answer_problems_for_bad_input()
    {
        var publisher = new RecordingSitePublisher();
        await using var host = await GeoHost.StartAsync(dataPath, publisher);
        await host.SeedAsync(TwoNeeds());
        var instanceId = await host.StartRunAsync();
        await host.WaitForStatusAsync(instanceId, "awaiting-review");
        var pageId = (await host.RunAsync(instanceId)).GetProperty("pages")[0].GetProperty("pageId").GetString();

        using var unknownRun = await host.Api.GetAsync("/api/v1/geo/runs/demo_geo-nope");
        using var unknownPage = await host.ReviewAsync(instanceId, new object[] { new { pageId = "q-not-a-page", action = "approve" } });
        using var unknownAction = await host.ReviewAsync(instanceId, new object[] { new { pageId, action = "publish" } });
        using var editWithoutAnswer = await host.ReviewAsync(instanceId, new object[] { new { pageId, action = "edit" } });
        using var noDecisions = await host.ReviewAsync(instanceId, Array.Empty<object>());

        Assert.Equal(HttpStatusCode.NotFound, unknownRun.StatusCode);
        Assert.Equal("application/problem+json", unknownRun.Content.Headers.ContentType?.MediaType);
        foreach (var response in new[] { unknownPage, unknownAction, editWithoutAnswer, noDecisions })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.All((await host.RunAsync(instanceId)).GetProperty("pages").EnumerateArray(), p => Assert.Equal("pending-review", p.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task Admin_republish_starts_a_run_that_staff_read_and_another_tenant_cannot()
    {
        var publisher = new RecordingSitePublisher();
        await using var host = await GeoHost.StartAsync(dataPath, publisher);
        await host.SeedAsync(TwoNeeds());
        using var staff = host.Staff();

        using var started = await staff.PostAsync("/admin/v1/tenants/demo/geo/republish", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instanceId").GetString()!;
        Assert.StartsWith("demo_", instanceId, StringComparison.Ordinal);
        await host.WaitForStatusAsync(instanceId, "awaiting-review");

        var asStaff = await staff.GetFromJsonAsync<JsonElement>($"/admin/v1/tenants/demo/geo/runs/{instanceId}");
        Assert.Equal("awaiting-review", asStaff.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsync("/admin/v1/tenants/nobody/geo/republish", null)).StatusCode);
        using var anonymous = host.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/admin/v1/tenants/demo/geo/republish", null)).StatusCode);

        // Another tenant's staff key does not reach the demo's run.
        var other = await staff.PostAsJsonAsync("/admin/v1/tenants", new { tenantId = "globex", name = "Globex", allowedOrigins = new[] { "https://globex.test" } });
        Assert.True(other.IsSuccessStatusCode, await other.Content.ReadAsStringAsync());
        var otherKey = (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString();
        using var globex = host.Factory.CreateClient();
        globex.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", otherKey);
        Assert.Equal(HttpStatusCode.NotFound, (await globex.GetAsync($"/api/v1/geo/runs/{instanceId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/admin/v1/tenants/globex/geo/runs/{instanceId}")).StatusCode);
    }

    private static async Task<string> DocumentIdAsync(GeoHost host, string url)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(GeoHost.Tenant);
        var documents = await scope.ServiceProvider.GetRequiredService<DocumentIntake>().ListAsync(CancellationToken.None);
        var id = documents.Single(d => d.Url == url).Id;
        return id.Contains(':', StringComparison.Ordinal) ? id : TenantIds.Compose(GeoHost.Tenant, id);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataPath, recursive: true);
    }
}
