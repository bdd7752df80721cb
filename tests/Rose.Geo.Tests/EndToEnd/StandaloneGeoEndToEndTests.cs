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
/// The standalone host end to end over HTTP only: visitors ask through the widget API, client staff
/// start a run, approve it, and the run is published. Fetching the published site (sitemap, a page,
/// llms.txt under /geo/demo/) belongs here once the site publisher is in the host: extend
/// <see cref="AssertPublishedAsync"/>.
/// </summary>
public sealed class StandaloneGeoEndToEndTests(ITestOutputHelper log) : IDisposable
{
    private readonly string dataPath = Directory.CreateTempSubdirectory("rose-geo-e2e-").FullName;

    [Fact]
    public async Task Standalone_host_publishes_a_run_started_and_approved_through_the_api()
    {
        var publisher = new RecordingSitePublisher();
        await using var host = await GeoHost.StartAsync(dataPath, publisher);
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

        await AssertPublishedAsync(host, publisher, instanceId, published);
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

    /// <summary>What a published run shows today: every page published, one publish under the run's id, the pages listed.</summary>
    private static async Task AssertPublishedAsync(GeoHost host, RecordingSitePublisher publisher, string instanceId, JsonElement published)
    {
        Assert.All(published.GetProperty("pages").EnumerateArray(), p => Assert.Equal("published", p.GetProperty("state").GetString()));
        Assert.Equal(instanceId, Assert.Single(publisher.Calls).PublishId);
        var pages = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/geo/pages");
        Assert.Equal(2, pages.GetArrayLength());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataPath, recursive: true);
    }
}
