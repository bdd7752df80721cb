using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Rose.Chat.Events;
using Rose.Testing;
using Rose.Testing.Dapr;
using Xunit;

namespace Rose.Admin.Tests;

/// <summary>
/// The admin app on the Dapr runtime against a fake sidecar: it subscribes to every dead-letter topic,
/// stores what the sidecar forwards there (daprd republishes the original CloudEvent unchanged) and
/// replays it to the original topic.
/// </summary>
public sealed partial class DaprDeadLetterTests : IAsyncLifetime
{
    private const string AppToken = "app-token-the-sidecar-sends";
    private FakeDaprSidecar sidecar = null!;
    private RoseAppFactory<Program> factory = null!;
    private WebApplicationFactory<Program> app = null!;

    public async Task InitializeAsync()
    {
        sidecar = await FakeDaprSidecar.StartAsync();
        factory = new RoseAppFactory<Program>().With("Rose:Runtime", "Dapr").With("APP_API_TOKEN", AppToken);
        foreach (var (key, value) in sidecar.Settings)
        {
            factory.With(key, value);
        }

        app = factory;
    }

    [Fact]
    public async Task Subscribe_lists_every_dead_letter_topic_of_the_pubsub_component()
    {
        using var client = SidecarCalls();

        var subscriptions = await client.GetFromJsonAsync<JsonElement>("/dapr/subscribe");

        var topics = subscriptions.EnumerateArray().Select(s => s.GetProperty("topic").GetString()!).Order().ToList();
        Assert.Equal(DeadLetterTopicsInComponent().Order(), topics);
        Assert.All(subscriptions.EnumerateArray(), s =>
        {
            Assert.Equal("pubsub", s.GetProperty("pubsubName").GetString());
            // A dead letter that cannot be stored is retried, never forwarded further.
            Assert.False(s.TryGetProperty("deadLetterTopic", out var further) && further.ValueKind == JsonValueKind.String);
        });
    }

    [Fact]
    public async Task Dead_letter_from_the_sidecar_is_listed_and_replay_publishes_it_to_the_original_topic()
    {
        var ended = new ConversationEnded("acme", "c-dead", DateTimeOffset.UtcNow, "idle");
        using var sidecarCalls = SidecarCalls();
        using var staff = app.Staff();

        var delivered = await PostDeadLetterAsync(sidecarCalls, ended);
        var again = await PostDeadLetterAsync(sidecarCalls, ended);
        var letters = await staff.GetFromJsonAsync<JsonElement>("/admin/v1/dead-letters?tenantId=acme");

        Assert.Equal("SUCCESS", delivered);
        Assert.Equal("SUCCESS", again);
        var letter = Assert.Single(letters.EnumerateArray());
        Assert.Equal(ended.Id.ToString(), letter.GetProperty("eventId").GetString());
        Assert.Equal("acme", letter.GetProperty("tenantId").GetString());
        Assert.Equal("conversation.ended", letter.GetProperty("topic").GetString());
        Assert.Equal(JsonValueKind.Null, letter.GetProperty("subscriber").ValueKind);
        using (var cloudEvent = JsonDocument.Parse(letter.GetProperty("cloudEvent").GetString()!))
        {
            Assert.Equal(nameof(ConversationEnded), cloudEvent.RootElement.GetProperty("type").GetString());
            Assert.Equal("c-dead", cloudEvent.RootElement.GetProperty("data").GetProperty("conversationId").GetString());
        }

        Assert.Equal(0, (await staff.GetFromJsonAsync<JsonElement>("/admin/v1/dead-letters?tenantId=globex")).GetArrayLength());

        using var replay = await staff.PostAsync($"/admin/v1/dead-letters/{letter.GetProperty("id").GetInt64()}/replay", null);

        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        await Eventually.TrueAsync(() => Task.FromResult(!sidecar.Runtime.Published.IsEmpty), "the replayed publish");
        var published = Assert.Single(sidecar.Runtime.Published);
        Assert.Equal("pubsub", published.PubsubName);
        Assert.Equal("conversation.ended", published.Topic);
        Assert.Equal(ended.Id.ToString(), published.Metadata["cloudevent.id"]);
        Assert.Equal(nameof(ConversationEnded), published.Metadata["cloudevent.type"]);
        Assert.Equal("c-dead", JsonDocument.Parse(published.Data.ToStringUtf8()).RootElement.GetProperty("conversationId").GetString());
        Assert.Equal(0, (await staff.GetFromJsonAsync<JsonElement>("/admin/v1/dead-letters")).GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsync($"/admin/v1/dead-letters/{letter.GetProperty("id").GetInt64()}/replay", null)).StatusCode);
    }

    [Fact]
    public async Task Dead_letter_without_a_tenant_is_dropped()
    {
        using var sidecarCalls = SidecarCalls();

        var status = await PostAsync(sidecarCalls, "conversation.ended.dead-letter", Guid.NewGuid().ToString(), "ConversationEnded", "conversation.ended", """{"conversationId":"c-1"}""");

        Assert.Equal("DROP", status);
    }

    [Fact]
    public async Task Dead_letter_routes_refuse_callers_without_the_staff_key()
    {
        using var anonymous = app.CreateClient();

        using var list = await anonymous.GetAsync("/admin/v1/dead-letters");

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal("application/problem+json", list.Content.Headers.ContentType?.MediaType);
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await sidecar.DisposeAsync();
    }

    /// <summary>What daprd sends after a subscriber gave up: the original CloudEvent, on the dead-letter topic's route.</summary>
    private static Task<string> PostDeadLetterAsync(HttpClient client, ConversationEnded ended) =>
        PostAsync(client, "conversation.ended.dead-letter", ended.Id.ToString(), nameof(ConversationEnded), "conversation.ended", JsonSerializer.Serialize(ended, JsonSerializerOptions.Web));

    private static async Task<string> PostAsync(HttpClient client, string deadLetterTopic, string id, string type, string originalTopic, string dataJson)
    {
        var cloudEvent = $$"""
            {"specversion":"1.0","id":"{{id}}","source":"search","type":"{{type}}","datacontenttype":"application/json",
             "topic":"{{originalTopic}}","pubsubname":"pubsub","traceparent":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
             "data":{{dataJson}}}
            """;
        using var content = new StringContent(cloudEvent, Encoding.UTF8, "application/cloudevents+json");
        using var response = await client.PostAsync("/dapr/topics/" + deadLetterTopic, content);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString()!;
    }

    private static IEnumerable<string> DeadLetterTopicsInComponent()
    {
        var yaml = File.ReadAllText(RepositoryRoot.PathOf("components", "pubsub.yaml"));
        var allowed = AllowedTopics().Match(yaml).Groups[1].Value;
        return allowed.Split(',', StringSplitOptions.TrimEntries).Where(t => t.EndsWith(".dead-letter", StringComparison.Ordinal));
    }

    [GeneratedRegex("name: allowedTopics\\s+value: \"([^\"]+)\"")]
    private static partial Regex AllowedTopics();

    /// <summary>Calls as daprd makes them: with the app token.</summary>
    private HttpClient SidecarCalls()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("dapr-api-token", AppToken);
        return client;
    }
}
