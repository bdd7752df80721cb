using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rose.Geo.Tests.Support;
using Xunit;

namespace Rose.Geo.Tests.Settings;

/// <summary>The tenant setting <c>minConversations</c> through <c>/api/v1/geo/settings</c>, and a run that honours it.</summary>
public sealed class GeoSettingsTests : IDisposable
{
    private readonly string dataPath = Directory.CreateTempSubdirectory("rose-geo-settings-").FullName;

    [Fact]
    public async Task Put_settings_stores_min_conversations_that_the_next_run_applies_and_refuses_out_of_range_values()
    {
        var publisher = new RecordingSitePublisher();
        await using var host = await GeoHost.StartAsync(dataPath, publisher);

        Assert.Equal(2, (await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/geo/settings")).GetProperty("minConversations").GetInt32());
        foreach (var bad in new object[] { new { minConversations = 0 }, new { minConversations = -3 }, new { minConversations = 1001 } })
        {
            using var refused = await host.Api.PutAsJsonAsync("/api/v1/geo/settings", bad);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("minConversations", out _));
        }

        using (var stored = await host.Api.PutAsJsonAsync("/api/v1/geo/settings", new { minConversations = 3 }))
        {
            Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
            Assert.Equal(3, (await stored.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("minConversations").GetInt32());
        }

        Assert.Equal(3, (await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/geo/settings")).GetProperty("minConversations").GetInt32());

        // Dapr is asked in six conversations, Kubernetes in two: at 3, only Dapr becomes a page.
        await host.SeedAsync(DemoQuestions.RunWithDapr.Concat(DemoQuestions.Kubernetes.Take(2)).Select(q => new VisitorQuestionSeed(q)));
        var run = await host.WaitForStatusAsync(await host.StartRunAsync(), "awaiting-review");
        var page = Assert.Single(run.GetProperty("pages").EnumerateArray());
        Assert.Contains("Dapr", page.GetProperty("question").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.True(page.GetProperty("conversations").GetInt32() >= 3);

        using (var reset = await host.Api.PutAsJsonAsync("/api/v1/geo/settings", new { minConversations = (int?)null }))
        {
            Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
            Assert.Equal(2, (await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("minConversations").GetInt32());
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataPath, recursive: true);
    }
}
