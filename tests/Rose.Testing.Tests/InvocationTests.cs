using System.Net.Http.Json;
using Dapr.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Rose.Testing.Dapr.Mesh;
using Xunit;

namespace Rose.Testing.Tests;

public sealed class InvocationTests : IAsyncLifetime
{
    private readonly TaskCompletionSource secondEventAllowed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DaprTestMesh mesh = null!;
    private MeshSidecar caller = null!;
    private TestApp callee = null!;

    public async Task InitializeAsync()
    {
        mesh = await DaprTestMesh.StartAsync();
        caller = await mesh.AddSidecarAsync("caller");
        callee = await TestApp.StartAsync(await mesh.AddSidecarAsync("callee"), app =>
        {
            app.MapGet("/hello/{name}", (string name, HttpContext context) => Results.Json(new Greeting(
                $"hello {name}{context.Request.QueryString}",
                context.Request.Headers["dapr-caller-app-id"].ToString(),
                context.Request.Headers["x-custom"].ToString())));
            app.MapPost("/echo", async (HttpContext context) =>
            {
                using var reader = new StreamReader(context.Request.Body);
                return Results.Text(await reader.ReadToEndAsync(), "text/plain");
            });
            app.MapGet("/events", async (HttpContext context) =>
            {
                context.Response.ContentType = "text/event-stream";
                await context.Response.WriteAsync("data: first\n\n");
                await context.Response.Body.FlushAsync();
                // The second event waits for the test: if the sidecar buffered, the test would never see the first one.
                await secondEventAllowed.Task.WaitAsync(TimeSpan.FromSeconds(10));
                await context.Response.WriteAsync("data: second\n\n");
            });
        });
    }

    public async Task DisposeAsync()
    {
        await callee.DisposeAsync();
        await mesh.DisposeAsync();
    }

    [Fact]
    public async Task CreateInvokeHttpClient_reaches_the_target_app_id_through_the_callers_sidecar()
    {
        using var client = DaprClient.CreateInvokeHttpClient("callee", caller.HttpEndpoint);
        client.DefaultRequestHeaders.Add("x-custom", "kept");

        var greeting = await client.GetFromJsonAsync<Greeting>("/hello/rose?lang=en");

        Assert.Equal(new Greeting("hello rose?lang=en", "caller", "kept"), greeting);
        var invocation = Assert.Single(mesh.Invocations);
        Assert.Equal(new MeshInvocation("caller", "callee", "callee-1", "GET", "/hello/rose"), invocation);
    }

    [Fact]
    public async Task Dapr_app_id_header_routes_a_post_with_its_body()
    {
        using var client = new HttpClient { BaseAddress = new Uri(caller.HttpEndpoint) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/echo") { Content = new StringContent("payload") };
        request.Headers.Add("dapr-app-id", "callee");

        using var response = await client.SendAsync(request);

        Assert.Equal("payload", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_invoked_server_sent_event_stream_arrives_event_by_event()
    {
        using var client = DaprClient.CreateInvokeHttpClient("callee", caller.HttpEndpoint);
        using var response = await client.GetAsync("/events", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        var first = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(5));
        secondEventAllowed.SetResult();
        var rest = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("data: first", first);
        Assert.Contains("data: second", rest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoking_an_unknown_app_id_answers_daprds_direct_invoke_error()
    {
        using var client = DaprClient.CreateInvokeHttpClient("nobody", caller.HttpEndpoint);

        using var response = await client.GetAsync("/hello/x");

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("ERR_DIRECT_INVOKE", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private sealed record Greeting(string Text, string Caller, string Custom);
}
