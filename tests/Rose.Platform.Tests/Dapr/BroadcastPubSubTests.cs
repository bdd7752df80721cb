using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rose.Platform.Dapr;
using Rose.Platform.PubSub;
using Rose.Knowledge.Events;
using Rose.Platform.Tests.Support;
using Rose.Storage;
using Rose.Testing.Dapr;
using Xunit;

namespace Rose.Platform.Tests.Dapr;

/// <summary>knowledge.updated travels on the broadcast component, and every replica handles it.</summary>
public sealed class BroadcastPubSubTests : IAsyncLifetime
{
    private const string AppToken = "app-token-the-sidecar-sends";
    private readonly CallLog replicaA = new();
    private readonly CallLog replicaB = new();
    private FakeDaprSidecar sidecar = null!;
    private SidecarFacingApp first = null!;
    private SidecarFacingApp second = null!;

    public async Task InitializeAsync()
    {
        // Two replicas of one app-id: one state store between them, as in production.
        sidecar = await FakeDaprSidecar.StartAsync();
        first = await StartReplicaAsync(replicaA);
        second = await StartReplicaAsync(replicaB);
    }

    [Fact]
    public async Task Subscribe_lists_knowledge_updated_on_the_broadcast_component_and_the_rest_on_pubsub()
    {
        using var client = first.CreateClient(AppToken);

        var subscriptions = (await client.GetFromJsonAsync<JsonElement>("/dapr/subscribe")).EnumerateArray()
            .ToDictionary(s => s.GetProperty("topic").GetString()!, s => s.GetProperty("pubsubName").GetString());

        Assert.Equal(DaprComponents.BroadcastPubSub, subscriptions[KnowledgeTopics.KnowledgeUpdated]);
        Assert.Equal(DaprComponents.PubSub, subscriptions[SampleTopics.ConversationMessage]);
    }

    [Fact]
    public async Task Every_replica_handles_the_same_broadcast_event_once()
    {
        var updated = new KnowledgeUpdated("acme", "acme:d1", KnowledgeUpdated.Indexed);
        using var a = first.CreateClient(AppToken);
        using var b = second.CreateClient(AppToken);

        await DeliverAsync(a, updated);
        await DeliverAsync(b, updated);
        await DeliverAsync(a, updated);

        Assert.Equal(1, replicaA.Count("knowledge:acme"));
        Assert.Equal(1, replicaB.Count("knowledge:acme"));
    }

    [Fact]
    public async Task Publish_sends_knowledge_updated_to_the_broadcast_component()
    {
        using var folder = new TempDataFolder();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(sidecar.Settings)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Rose:Runtime"] = "Dapr", ["Rose:DataPath"] = folder.Path })
            .Build();
        await using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddRosePlatform(configuration).BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(default);

        await services.GetRequiredService<IEventPublisher>().PublishAsync(new KnowledgeUpdated("acme", "acme:d1", KnowledgeUpdated.Indexed));
        await services.GetRequiredService<IEventPublisher>().PublishAsync(Messages.Posted("acme", "c-1"));
        await services.GetRequiredService<OutboxDrainer>().DrainOnceAsync(default);

        var published = sidecar.Runtime.Published.ToList();
        Assert.Equal((DaprComponents.BroadcastPubSub, KnowledgeTopics.KnowledgeUpdated), (published[0].PubsubName, published[0].Topic));
        Assert.Equal((DaprComponents.PubSub, SampleTopics.ConversationMessage), (published[1].PubsubName, published[1].Topic));
    }

    public async Task DisposeAsync()
    {
        await first.DisposeAsync();
        await second.DisposeAsync();
        await sidecar.DisposeAsync();
    }

    private Task<SidecarFacingApp> StartReplicaAsync(CallLog log) =>
        SidecarFacingApp.StartAsync(new Dictionary<string, string?>(sidecar.Settings) { ["APP_API_TOKEN"] = AppToken }, (services, _) =>
        {
            services.AddSingleton(log);
            services.AddRoseEventHandler<KnowledgeUpdated, KnowledgeRecordingHandler>();
            services.AddRoseEventHandler<SampleMessagePosted, RecordingHandler>();
        });

    private static async Task DeliverAsync(HttpClient client, KnowledgeUpdated updated)
    {
        var cloudEvent = new Dictionary<string, object?>
        {
            ["specversion"] = "1.0",
            ["id"] = Guid.NewGuid().ToString(),
            ["source"] = "worker",
            ["type"] = "com.dapr.event.sent",
            ["datacontenttype"] = "application/json",
            ["topic"] = KnowledgeTopics.KnowledgeUpdated,
            ["pubsubname"] = DaprComponents.BroadcastPubSub,
            ["data"] = updated,
        };
        using var response = await client.PostAsync(
            "/dapr/topics/" + KnowledgeTopics.KnowledgeUpdated,
            new StringContent(JsonSerializer.Serialize(cloudEvent, PlatformJson.Options), Encoding.UTF8, "application/cloudevents+json"));
        response.EnsureSuccessStatusCode();
        Assert.Equal("SUCCESS", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }
}
