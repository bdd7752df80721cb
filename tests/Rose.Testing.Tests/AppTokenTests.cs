using System.Collections.Concurrent;
using Dapr.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Rose.Testing.Dapr.Mesh;
using Xunit;

namespace Rose.Testing.Tests;

/// <summary>With APP_API_TOKEN, daprd sends it as <c>dapr-api-token</c> on every call to its app; the caller's own token never passes through.</summary>
public sealed class AppTokenTests : IAsyncLifetime
{
    private const string Token = "search-app-token";
    private readonly ConcurrentQueue<(string Call, string Token)> seen = new();
    private DaprTestMesh mesh = null!;
    private MeshSidecar caller = null!;
    private TestApp app = null!;

    public async Task InitializeAsync()
    {
        mesh = await DaprTestMesh.StartAsync();
        caller = await mesh.AddSidecarAsync("gateway");
        app = await TestApp.StartAsync(await mesh.AddSidecarAsync("search", Token), web =>
        {
            web.MapGet("/method", (HttpContext c) => Seen("invoke", c));
            web.MapPost("/conversation-idle-check", (HttpContext c) => Seen("cron", c));
            web.MapPost("/events", (HttpContext c) => Seen("event", c)).WithTopic("pubsub", "events");
        });
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await mesh.DisposeAsync();
    }

    [Fact]
    public async Task The_sidecar_sends_the_app_token_on_invocation_cron_and_event_delivery()
    {
        using var client = DaprClient.CreateInvokeHttpClient("search", caller.HttpEndpoint, "the-gateways-own-token");
        await client.GetStringAsync(new Uri("/method", UriKind.Relative));
        await mesh.FireCronAsync("search", "conversation-idle-check");
        mesh.Publish("backoffice", "pubsub", "events", new { n = 1 });
        await mesh.PubSub.DrainAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["cron", "event", "invoke"], seen.Select(s => s.Call).Order(StringComparer.Ordinal));
        Assert.All(seen, s => Assert.Equal(Token, s.Token));
        Assert.Equal(Token, app.Sidecar.Settings["APP_API_TOKEN"]);
    }

    private IResult Seen(string call, HttpContext context)
    {
        seen.Enqueue((call, context.Request.Headers["dapr-api-token"].ToString()));
        return Results.Ok();
    }
}
