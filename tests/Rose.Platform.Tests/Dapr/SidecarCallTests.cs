using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rose.Platform.Bindings;
using Rose.Platform.PubSub;
using Rose.Platform.Tests.Support;
using Rose.Testing.Dapr;
using Xunit;

namespace Rose.Platform.Tests.Dapr;

/// <summary>Calls an app the way daprd does: <c>/dapr/subscribe</c>, CloudEvents to topic routes, cron bindings.</summary>
public sealed class SidecarCallTests : IAsyncLifetime
{
    private const string AppToken = "app-token-the-sidecar-sends";
    private static readonly CronJobDefinition TestJob = new("test-nightly-job", "0 0 3 * * *", AppIds.Worker);
    private readonly CallLog log = new();
    private FakeDaprSidecar sidecar = null!;
    private SidecarFacingApp app = null!;

    public async Task InitializeAsync()
    {
        // The idempotency records go to the (fake) sidecar's state store, like in production.
        sidecar = await FakeDaprSidecar.StartAsync();
        var settings = new Dictionary<string, string?>(sidecar.Settings) { ["APP_API_TOKEN"] = AppToken };
        app = await SidecarFacingApp.StartAsync(settings, (services, _) =>
        {
            services.AddSingleton(log);
            services.AddRoseEventHandler<SampleMessagePosted, RecordingHandler>();
            services.AddRoseEventHandler<SampleConversationEnded, FailingHandler>();
            services.AddRoseEventHandler<SampleKnowledgeUpdated, PoisonHandler>();
            services.AddRoseCronJob<RecordingJob>(TestJob);
        });
    }

    [Fact]
    public async Task Subscribe_lists_each_topic_with_its_route_and_dead_letter_topic()
    {
        using var client = app.CreateClient(AppToken);

        var subscriptions = await client.GetFromJsonAsync<JsonElement>("/dapr/subscribe");

        var byTopic = subscriptions.EnumerateArray().ToDictionary(s => s.GetProperty("topic").GetString()!);
        Assert.Equal([SampleTopics.ConversationEnded, SampleTopics.ConversationMessage, SampleTopics.KnowledgeUpdated], byTopic.Keys.Order());
        var message = byTopic[SampleTopics.ConversationMessage];
        Assert.Equal("pubsub", message.GetProperty("pubsubName").GetString());
        // Dapr.AspNetCore lists routes without the leading slash; daprd accepts both.
        Assert.Equal("dapr/topics/sample.message", message.GetProperty("route").GetString());
        Assert.Equal("sample.message.dead-letter", message.GetProperty("deadLetterTopic").GetString());
    }

    [Fact]
    public async Task CloudEvent_reaches_the_handler_once_and_answers_success()
    {
        using var client = app.CreateClient(AppToken);
        var posted = Messages.Posted("acme", "c-42");

        Assert.Equal("SUCCESS", await PostAsync(client, SampleTopics.ConversationMessage, posted));
        Assert.Equal("SUCCESS", await PostAsync(client, SampleTopics.ConversationMessage, posted));

        Assert.Equal(1, log.Count("c-42"));
        Assert.Contains(sidecar.Runtime.Saved, s => s.States.Any(i => i.Key == $"acme:handled-event:{nameof(RecordingHandler)}:{posted.Id}"));
    }

    [Fact]
    public async Task Failing_handler_answers_retry()
    {
        using var client = app.CreateClient(AppToken);

        Assert.Equal("RETRY", await PostAsync(client, SampleTopics.ConversationEnded, new SampleConversationEnded("acme", "c-1", DateTimeOffset.UtcNow, "idle")));
        Assert.Equal(1, log.Count(FailingHandler.Name));
    }

    [Fact]
    public async Task Poison_event_and_malformed_data_answer_drop()
    {
        using var client = app.CreateClient(AppToken);

        Assert.Equal("DROP", await PostAsync(client, SampleTopics.KnowledgeUpdated, new SampleKnowledgeUpdated("acme", ["d1"])));
        Assert.Equal("DROP", await PostAsync(client, SampleTopics.ConversationMessage, new { conversationId = "no-tenant" }));
    }

    [Fact]
    public async Task Calls_without_the_app_token_are_rejected()
    {
        using var anonymous = app.CreateClient(appToken: null);
        using var wrong = app.CreateClient("not-the-token");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/dapr/subscribe")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(CloudEventRequest(SampleTopics.ConversationMessage, Messages.Posted("acme", "c-anon")))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.PostAsync("/" + TestJob.Name, null)).StatusCode);
        Assert.Equal(0, log.Count("c-anon"));
        Assert.Equal(0, log.Count(nameof(RecordingJob)));
    }

    [Fact]
    public async Task Cron_binding_posts_to_the_route_named_after_the_job()
    {
        using var client = app.CreateClient(AppToken);

        using var response = await client.PostAsync("/" + TestJob.Name, new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, log.Count(nameof(RecordingJob)));
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await sidecar.DisposeAsync();
    }

    private static async Task<string> PostAsync(HttpClient client, string topic, object data)
    {
        using var response = await client.SendAsync(CloudEventRequest(topic, data));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString()!;
    }

    /// <summary>The CloudEvent daprd would POST for an event published on <paramref name="topic"/>.</summary>
    private static HttpRequestMessage CloudEventRequest(string topic, object data)
    {
        var cloudEvent = new Dictionary<string, object?>
        {
            ["specversion"] = "1.0",
            ["id"] = Guid.NewGuid().ToString(),
            ["source"] = "search",
            ["type"] = "com.dapr.event.sent",
            ["datacontenttype"] = "application/json",
            ["topic"] = topic,
            ["pubsubname"] = "pubsub",
            ["traceparent"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            ["data"] = data,
        };
        return new HttpRequestMessage(HttpMethod.Post, "/dapr/topics/" + topic)
        {
            Content = new StringContent(JsonSerializer.Serialize(cloudEvent, data.GetType() == typeof(object) ? null : PlatformJson.Options), Encoding.UTF8, "application/cloudevents+json"),
        };
    }

    private sealed class RecordingJob(CallLog log) : ICronJob
    {
        public Task RunAsync(CancellationToken cancellationToken)
        {
            log.Record(nameof(RecordingJob));
            return Task.CompletedTask;
        }
    }
}
