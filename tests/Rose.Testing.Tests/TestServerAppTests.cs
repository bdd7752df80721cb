using System.Collections.Concurrent;
using Dapr;
using Dapr.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Rose.Testing.Dapr.Mesh;
using Xunit;

namespace Rose.Testing.Tests;

/// <summary>An app on TestServer (as WebApplicationFactory runs one), joined to the mesh through its handler.</summary>
public sealed class TestServerAppTests : IAsyncLifetime
{
    private readonly TaskCompletionSource secondChunkAllowed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> received = new();
    private DaprTestMesh mesh = null!;
    private MeshSidecar caller = null!;
    private WebApplication app = null!;

    public async Task InitializeAsync()
    {
        mesh = await DaprTestMesh.StartAsync();
        caller = await mesh.AddSidecarAsync("gateway");
        var sidecar = await mesh.AddSidecarAsync("search");
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(sidecar.Settings);
        app = builder.Build();
        app.UseCloudEvents();
        app.MapSubscribeHandler();
        app.MapPost("/knowledge", (Note note) =>
        {
            received.Enqueue(note.Text);
            return Results.Ok();
        }).WithTopic("pubsub", "knowledge.updated");
        app.MapGet("/chat", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("data: token-1\n\n");
            await context.Response.Body.FlushAsync();
            await secondChunkAllowed.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await context.Response.WriteAsync("data: [DONE]\n\n");
        });
        await app.StartAsync();
        sidecar.ConnectApp(app.GetTestServer().CreateHandler(), new Uri("http://localhost"));
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await mesh.DisposeAsync();
    }

    [Fact]
    public async Task A_test_server_app_streams_an_invoked_response_through_the_mesh()
    {
        using var client = DaprClient.CreateInvokeHttpClient("search", caller.HttpEndpoint);
        using var response = await client.GetAsync("/chat", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        var first = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(5));
        secondChunkAllowed.SetResult();
        var rest = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("data: token-1", first);
        Assert.Contains("data: [DONE]", rest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_test_server_app_receives_its_subscribed_events()
    {
        mesh.Publish("backoffice", "pubsub", "knowledge.updated", new Note("refreshed"));
        await mesh.PubSub.DrainAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["refreshed"], received);
    }

    public sealed record Note(string Text);
}
