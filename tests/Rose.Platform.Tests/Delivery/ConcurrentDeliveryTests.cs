using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rose.Platform.PubSub;
using Rose.Platform.Tests.Support;
using Rose.Testing.Dapr;
using Xunit;

namespace Rose.Platform.Tests.Delivery;

/// <summary>
/// Two replicas' sidecars deliver one event at the same time (Redis Streams redelivers a pending
/// message while the first delivery is still running): the handler's side effect happens once.
/// </summary>
public sealed class ConcurrentDeliveryTests : IAsyncLifetime
{
    private readonly HandlerGate gate = new();
    private FakeDaprSidecar sidecar = null!;
    private SidecarFacingApp app = null!;

    public async Task InitializeAsync()
    {
        sidecar = await FakeDaprSidecar.StartAsync();
        app = await SidecarFacingApp.StartAsync(new Dictionary<string, string?>(sidecar.Settings) { ["APP_API_TOKEN"] = "app-token" }, (services, _) =>
        {
            services.AddSingleton(gate);
            services.AddRoseEventHandler<SampleMessagePosted, GatedHandler>();
        });
    }

    [Fact]
    public async Task Topic_route_runs_the_handler_once_when_two_deliveries_of_one_event_arrive_at_once()
    {
        using var client = app.CreateClient("app-token");
        var posted = Messages.Posted("acme", "c-twice");

        var first = PostAsync(client, posted);
        await gate.Entered.Task.Within("the first delivery to reach the handler");
        var second = await PostAsync(client, posted).Within("the second delivery");
        gate.Release.SetResult();

        Assert.Equal("RETRY", second);
        Assert.Equal("SUCCESS", await first.Within("the first delivery"));
        // The redelivery Dapr makes after RETRY finds the event handled.
        Assert.Equal("SUCCESS", await PostAsync(client, posted).Within("the redelivery"));
        Assert.Equal(1, gate.SideEffects);
    }

    public async Task DisposeAsync()
    {
        gate.Release.TrySetResult();
        await app.DisposeAsync();
        await sidecar.DisposeAsync();
    }

    private static async Task<string> PostAsync(HttpClient client, SampleMessagePosted posted)
    {
        var cloudEvent = new Dictionary<string, object?>
        {
            ["specversion"] = "1.0",
            ["id"] = posted.Id.ToString(),
            ["source"] = "search",
            ["type"] = nameof(SampleMessagePosted),
            ["datacontenttype"] = "application/json",
            ["topic"] = SampleTopics.ConversationMessage,
            ["pubsubname"] = "pubsub",
            ["data"] = posted,
        };
        using var content = new StringContent(JsonSerializer.Serialize(cloudEvent, PlatformJson.Options), Encoding.UTF8, "application/cloudevents+json");
        using var response = await client.PostAsync("/dapr/topics/" + SampleTopics.ConversationMessage, content);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString()!;
    }
}
