using System.Collections.Concurrent;
using Dapr;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Rose.Testing.Dapr.Mesh;
using Xunit;

namespace Rose.Testing.Tests;

public sealed class SubscriptionShapeTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly ConcurrentQueue<string> hits = new();
    private readonly List<TestApp> apps = [];
    private DaprTestMesh mesh = null!;
    private WebApplication? rawHost;

    public async Task InitializeAsync()
    {
        mesh = await DaprTestMesh.StartAsync();
        apps.Add(await TestApp.StartAsync(await mesh.AddSidecarAsync("search"), app =>
        {
            app.MapPost("/all", () => Hit("all")).WithTopic("pubsub", "leads");
            app.MapPost("/vip", () => Hit("vip")).WithTopic(new TopicOptions { PubsubName = "pubsub", Name = "leads", Match = "event.type == \"vip\"", Priority = 1 });
        }));

        // An app that writes its own /dapr/subscribe in the v1 shape, lowercase names and a route without a slash.
        var raw = await mesh.AddSidecarAsync("raw");
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var rawApp = builder.Build();
        rawApp.MapGet("/dapr/subscribe", () => Results.Text("""[{"pubsubname":"pubsub","topic":"leads","route":"raw-handler"}]""", "application/json"));
        rawApp.MapPost("/raw-handler", () => Hit("raw"));
        await rawApp.StartAsync();
        raw.ConnectApp(new Uri(rawApp.Urls.First()));
        rawHost = rawApp;
    }

    public async Task DisposeAsync()
    {
        foreach (var app in apps)
        {
            await app.DisposeAsync();
        }

        if (rawHost is not null)
        {
            await rawHost.DisposeAsync();
        }

        await mesh.DisposeAsync();
    }

    [Fact]
    public async Task A_routing_rule_takes_the_events_it_matches_and_the_default_route_the_rest()
    {
        mesh.Publish("backoffice", "pubsub", "leads", new { id = 1 }, new Dictionary<string, string> { ["cloudevent.type"] = "vip" });
        mesh.Publish("backoffice", "pubsub", "leads", new { id = 2 }, new Dictionary<string, string> { ["cloudevent.type"] = "plain" });
        await mesh.PubSub.DrainAsync(Wait);

        Assert.Equal(["all", "raw", "raw", "vip"], hits.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FromResiliencyFile_reads_Roses_event_delivery_policy()
    {
        var policy = DeliveryRetryPolicy.FromResiliencyFile(RepositoryRoot.PathOf("components", "resiliency.yaml"), "pubsub");

        Assert.Equal(new DeliveryRetryPolicy(RetryPolicyKind.Exponential, 10, TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(60)), policy);
        Assert.Equal(TimeSpan.FromMilliseconds(750), policy!.DelayBefore(2));
        Assert.Equal(TimeSpan.FromSeconds(60), policy.DelayBefore(20));
    }

    private IResult Hit(string route)
    {
        hits.Enqueue(route);
        return Results.Ok();
    }
}
