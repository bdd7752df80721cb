using System.Collections.Concurrent;
using Dapr;
using Dapr.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Rose.Testing.Dapr.Mesh;
using Xunit;

namespace Rose.Testing.Tests;

public sealed class PubSubTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly ConcurrentQueue<(string Replica, string Route, Order Order)> received = new();
    private readonly ConcurrentDictionary<string, int> flakyCalls = new();
    private readonly List<TestApp> apps = [];
    private DaprTestMesh mesh = null!;
    private DaprClient publisher = null!;

    public async Task InitializeAsync()
    {
        var options = new DaprTestMeshOptions { DeliveryRetry = DeliveryRetryPolicy.Constant(TimeSpan.FromMilliseconds(10), 2) };
        options.PubSubs.Add(new PubSubComponent("broadcast", ConsumerIdMode.PerReplica));
        mesh = await DaprTestMesh.StartAsync(options);
        var publisherSidecar = await mesh.AddSidecarAsync("publisher");
        publisher = new DaprClientBuilder().UseGrpcEndpoint(publisherSidecar.GrpcEndpoint).UseHttpEndpoint(publisherSidecar.HttpEndpoint).Build();
        for (var i = 0; i < 2; i++)
        {
            apps.Add(await StartSubscriberAsync("worker"));
        }

        apps.Add(await StartSubscriberAsync("search"));
    }

    public async Task DisposeAsync()
    {
        publisher.Dispose();
        foreach (var app in apps)
        {
            await app.DisposeAsync();
        }

        await mesh.DisposeAsync();
    }

    [Fact]
    public async Task PublishEvent_on_an_app_id_consumer_group_reaches_one_replica_of_each_app_id()
    {
        await PublishAsync("pubsub", "orders", new Order("o-1", 3), "11111111-1111-1111-1111-111111111111");
        await mesh.PubSub.DrainAsync(Wait);

        var deliveries = received.Where(r => r.Route == "orders").ToList();
        Assert.Equal(2, deliveries.Count);
        Assert.Single(deliveries, d => d.Replica.StartsWith("worker-", StringComparison.Ordinal));
        Assert.Single(deliveries, d => d.Replica == "search-1");
        Assert.All(deliveries, d => Assert.Equal(new Order("o-1", 3), d.Order));
    }

    [Fact]
    public async Task PublishEvent_on_a_per_replica_component_reaches_every_replica()
    {
        await PublishAsync("broadcast", "orders", new Order("o-2", 1), null);
        await mesh.PubSub.DrainAsync(Wait);

        var replicas = received.Where(r => r.Route == "broadcast").Select(r => r.Replica).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["search-1", "worker-1", "worker-2"], replicas);
    }

    [Fact]
    public async Task PublishEvent_wraps_the_payload_in_the_cloud_event_daprd_builds()
    {
        await PublishAsync("pubsub", "orders", new Order("o-3", 2), "22222222-2222-2222-2222-222222222222");

        var published = Assert.Single(mesh.PubSub.Published);
        var cloudEvent = published.CloudEvent;
        Assert.Equal("22222222-2222-2222-2222-222222222222", cloudEvent["id"]!.GetValue<string>());
        Assert.Equal("1.0", cloudEvent["specversion"]!.GetValue<string>());
        Assert.Equal("publisher", cloudEvent["source"]!.GetValue<string>());
        Assert.Equal("OrderPlaced", cloudEvent["type"]!.GetValue<string>());
        Assert.Equal("application/json", cloudEvent["datacontenttype"]!.GetValue<string>());
        Assert.Equal("orders", cloudEvent["topic"]!.GetValue<string>());
        Assert.Equal("pubsub", cloudEvent["pubsubname"]!.GetValue<string>());
        Assert.Equal("o-3", cloudEvent["data"]!["id"]!.GetValue<string>());
        Assert.NotNull(cloudEvent["traceparent"]);
        await mesh.PubSub.DrainAsync(Wait);
    }

    [Fact]
    public async Task A_RETRY_answer_is_delivered_again_until_the_app_succeeds()
    {
        await PublishAsync("pubsub", "flaky", new Order("o-4", 1), "33333333-3333-3333-3333-333333333333");
        await mesh.PubSub.DrainAsync(Wait);

        var attempts = mesh.PubSub.AttemptsFor("33333333-3333-3333-3333-333333333333").Where(a => a.AppId == "search").ToList();
        Assert.Equal([DeliveryResult.Retry, DeliveryResult.Retry, DeliveryResult.Success], attempts.Select(a => a.Result));
        Assert.All(attempts, a => Assert.Equal("search-1", a.ReplicaId));
    }

    [Fact]
    public async Task An_event_that_fails_every_retry_goes_to_the_dead_letter_topic_and_its_subscribers()
    {
        await PublishAsync("pubsub", "poison", new Order("o-5", 9), "44444444-4444-4444-4444-444444444444");
        await mesh.PubSub.DrainAsync(Wait);

        var attempts = mesh.PubSub.AttemptsFor("44444444-4444-4444-4444-444444444444").Where(a => a.Topic == "poison" && a.AppId == "search").ToList();
        Assert.Equal(3, attempts.Count); // the first delivery and maxRetries = 2
        Assert.All(attempts, a => Assert.Equal(500, a.StatusCode));
        var dead = Assert.Single(mesh.PubSub.DeadLettered, d => d.AppId == "search");
        Assert.Equal(("poison", "poison.dead-letter"), (dead.FailedTopic, dead.DeadLetterTopic));
        Assert.Contains(received, r => r.Route == "poison.dead-letter" && r.Replica == "search-1" && r.Order.Id == "o-5");
    }

    [Fact]
    public async Task An_event_out_of_retries_is_recorded_as_undelivered_without_a_dead_letter_topic_or_its_subscribers()
    {
        await PublishAsync("pubsub", "no-dead-letter", new Order("o-7", 1), "66666666-6666-6666-6666-666666666666");
        await PublishAsync("pubsub", "orphan", new Order("o-8", 1), "77777777-7777-7777-7777-777777777777");
        await mesh.PubSub.DrainAsync(Wait);

        var undelivered = mesh.PubSub.Undelivered.OrderBy(u => u.EventId, StringComparer.Ordinal).ToList();
        Assert.Equal(
            [("66666666-6666-6666-6666-666666666666", "no-dead-letter"), ("77777777-7777-7777-7777-777777777777", "orphan.dead-letter")],
            undelivered.Select(u => (u.EventId, u.Topic)));
        Assert.Equal(3, mesh.PubSub.AttemptsFor("66666666-6666-6666-6666-666666666666").Count);
        Assert.Contains(mesh.PubSub.Published, p => p.Topic == "orphan.dead-letter" && p.Id == "77777777-7777-7777-7777-777777777777");
    }

    [Fact]
    public async Task A_DROP_answer_is_not_retried_and_is_logged()
    {
        await PublishAsync("pubsub", "dropped", new Order("o-6", 1), "55555555-5555-5555-5555-555555555555");
        await mesh.PubSub.DrainAsync(Wait);

        var attempt = Assert.Single(mesh.PubSub.AttemptsFor("55555555-5555-5555-5555-555555555555"), a => a.AppId == "search");
        Assert.Equal(DeliveryResult.Drop, attempt.Result);
        Assert.Contains(mesh.PubSub.Warnings, w => w.Contains("DROP", StringComparison.Ordinal));
        Assert.Empty(mesh.PubSub.Undelivered);
    }

    private Task PublishAsync(string pubSub, string topic, Order order, string? id)
    {
        var metadata = new Dictionary<string, string> { ["cloudevent.type"] = "OrderPlaced" };
        if (id is not null)
        {
            metadata["cloudevent.id"] = id;
        }

        return publisher.PublishEventAsync(pubSub, topic, order, metadata);
    }

    private async Task<TestApp> StartSubscriberAsync(string appId)
    {
        var sidecar = await mesh.AddSidecarAsync(appId);
        return await TestApp.StartAsync(sidecar, app =>
        {
            app.MapPost("/orders", (Order order) => Record(sidecar, "orders", order)).WithTopic("pubsub", "orders");
            app.MapPost("/broadcast", (Order order) => Record(sidecar, "broadcast", order)).WithTopic("broadcast", "orders");
            if (appId != "search")
            {
                return; // the failure cases have a single subscriber, so that attempts are easy to count
            }

            app.MapPost("/flaky", (Order order) =>
            {
                Record(sidecar, "flaky", order);
                return flakyCalls.AddOrUpdate(order.Id, 1, (_, n) => n + 1) < 3 ? Results.Ok(new { status = "RETRY" }) : Results.Ok(new { status = "SUCCESS" });
            }).WithTopic("pubsub", "flaky");
            app.MapPost("/poison", () => Results.StatusCode(500))
                .WithTopic(new TopicOptions { PubsubName = "pubsub", Name = "poison", DeadLetterTopic = "poison.dead-letter" });
            app.MapPost("/poison-dead", (Order order) => Record(sidecar, "poison.dead-letter", order)).WithTopic("pubsub", "poison.dead-letter");
            app.MapPost("/no-dead-letter", () => Results.StatusCode(503)).WithTopic("pubsub", "no-dead-letter");
            app.MapPost("/orphan", () => Results.StatusCode(500))
                .WithTopic(new TopicOptions { PubsubName = "pubsub", Name = "orphan", DeadLetterTopic = "orphan.dead-letter" });
            app.MapPost("/dropped", () => Results.Ok(new { status = "DROP" })).WithTopic("pubsub", "dropped");
        });
    }

    private IResult Record(MeshSidecar sidecar, string route, Order order)
    {
        received.Enqueue((sidecar.ReplicaId, route, order));
        return Results.Ok();
    }

    public sealed record Order(string Id, int Quantity);
}
