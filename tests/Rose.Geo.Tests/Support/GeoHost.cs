using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rose.Chat;
using Rose.Chat.Data;
using Rose.Chat.Pipeline;
using Rose.Storage;
using Rose.Testing;
using Xunit;

namespace Rose.Geo.Tests.Support;

/// <summary>One start of the standalone host for GEO tests: waits for the demo docs, seeds visitor conversations through Rose.Chat, calls the GEO API.</summary>
public sealed class GeoHost : IAsyncDisposable
{
    public const string Tenant = "demo";

    private GeoHost(GeoAppFactory factory, HttpClient api)
    {
        Factory = factory;
        Api = api;
    }

    public GeoAppFactory Factory { get; }

    /// <summary>The management API as client staff call it (bearer API key).</summary>
    public HttpClient Api { get; }

    public static async Task<GeoHost> StartAsync(string dataPath, RecordingSitePublisher? publisher, IReadOnlyDictionary<string, string>? settings = null)
    {
        var factory = new GeoAppFactory(dataPath, publisher);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            factory.With(key, value);
        }

        var api = factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RoseAppFactory<Program>.DemoApiKey);
        // Healthy once the demo tenant's knowledge base (the repository's docs/) is indexed.
        await Eventually.UntilAsync(async () => (await api.GetAsync("/health")).StatusCode == HttpStatusCode.OK, TimeSpan.FromMinutes(3), "the demo knowledge base to be indexed");
        return new GeoHost(factory, api);
    }

    public HttpClient Staff()
    {
        var staff = Factory.CreateClient();
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RoseAppFactory<Program>.StaffKey);
        return staff;
    }

    /// <summary>Seeds each conversation through Rose.Chat's own store and recorder, as the chat would have stored it.</summary>
    public async Task SeedAsync(IEnumerable<VisitorQuestionSeed> conversations)
    {
        foreach (var seed in conversations)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(Tenant);
            var (conversation, _) = await scope.ServiceProvider.GetRequiredService<ConversationStore>().StartAsync("http://localhost", CancellationToken.None);
            foreach (var message in seed.Messages)
            {
                await scope.ServiceProvider.GetRequiredService<ConversationRecorder>().RecordAsync(
                    Tenant, conversation.Id, message, new TurnOutcome(ChatIds.New()) { Text = "…", Model = "offline" }, 10, CancellationToken.None);
            }

            if (seed.LeadName is not null)
            {
                var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
                db.Leads.Add(new Lead { Id = ChatIds.New(), Email = "visitor@example.test", Name = seed.LeadName, ConversationId = conversation.Id, CreatedAt = DateTimeOffset.UtcNow });
                await db.SaveChangesAsync();
            }
        }
    }

    public async Task<string> StartRunAsync()
    {
        using var response = await Api.PostAsync("/api/v1/geo/runs", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instanceId").GetString()!;
    }

    public async Task<JsonElement> RunAsync(string instanceId) =>
        await Api.GetFromJsonAsync<JsonElement>($"/api/v1/geo/runs/{instanceId}");

    /// <summary>Polls the run until its status is <paramref name="status"/> (fails at once on <c>failed</c>).</summary>
    public async Task<JsonElement> WaitForStatusAsync(string instanceId, string status, TimeSpan? timeout = null)
    {
        JsonElement run = default;
        await Eventually.UntilAsync(async () =>
        {
            run = await RunAsync(instanceId);
            var current = run.GetProperty("status").GetString();
            Assert.False(current == "failed" && status != "failed", $"The run failed: {run.GetProperty("failure")}");
            return current == status;
        }, timeout ?? TimeSpan.FromMinutes(2), $"run {instanceId} to be {status}");
        return run;
    }

    public async Task<HttpResponseMessage> ReviewAsync(string instanceId, object decisions) =>
        await Api.PostAsJsonAsync($"/api/v1/geo/runs/{instanceId}/review", new { decisions });

    /// <summary>Approves every page of the run.</summary>
    public async Task ApproveAllAsync(string instanceId)
    {
        var run = await RunAsync(instanceId);
        var decisions = run.GetProperty("pages").EnumerateArray().Select(p => new { pageId = p.GetProperty("pageId").GetString(), action = "approve" }).ToList();
        using var response = await ReviewAsync(instanceId, decisions);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Factory.DisposeAsync();
    }
}
