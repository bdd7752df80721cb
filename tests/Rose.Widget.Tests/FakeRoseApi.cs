using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rose.Testing;

namespace Rose.Widget.Tests;

/// <summary>
/// A scripted stand-in for the widget API on loopback, serving the real widget.js through
/// <c>MapRoseWidget</c>. It makes the hard cases repeatable (a stream cut mid-answer, hostile
/// Markdown in tokens) and records what the widget sent (messages, leads, events). Its page has
/// no Content-Security-Policy, so nothing but the widget's own escaping keeps injected markup inert.
/// </summary>
public sealed class FakeRoseApi : IAsyncDisposable
{
    public const string PublicKey = "pk_fake_widget_key_0123456789";
    public const string ConversationId = "conv-1";
    public const string Token = "token-1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly WebApplication app;
    private int attempts;

    private FakeRoseApi(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>What each POST of a message answers; receives the attempt number (1-based) and the text.</summary>
    public Func<HttpResponse, int, string, Task> Answer { get; set; } = (response, _, _) => StreamAsync(response, ("done", new { messageId = "m1", latencyMs = 1 }));

    public ConcurrentQueue<string> Messages { get; } = new();

    public ConcurrentQueue<JsonElement> Leads { get; } = new();

    public ConcurrentQueue<JsonElement> Events { get; } = new();

    public ConcurrentQueue<JsonElement> History { get; } = new();

    public int Attempts => Volatile.Read(ref attempts);

    public static async Task<FakeRoseApi> StartAsync()
    {
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(address.ToString());
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeRoseApi(app, address);
        fake.Map(app);
        await app.StartAsync();
        return fake;
    }

    /// <summary>Writes named events the way the real API does: <c>event:</c>, one <c>data:</c> line of JSON, a blank line.</summary>
    public static async Task StreamAsync(HttpResponse response, params (string Name, object Data)[] events)
    {
        if (!response.HasStarted)
        {
            response.ContentType = "text/event-stream; charset=utf-8";
            response.Headers.Connection = "close";
        }

        foreach (var (name, data) in events)
        {
            await response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data, Json)}\n\n");
            await response.Body.FlushAsync();
        }
    }

    /// <summary>
    /// Cuts the connection mid-stream. The written events get a moment to leave first, and the
    /// connection is not kept alive: Chromium silently re-sends a request whose reused socket is
    /// reset before any answer arrived, which would hide the drop from the widget.
    /// </summary>
    public static async Task DropAsync(HttpResponse response)
    {
        await Task.Delay(100);
        response.HttpContext.Abort();
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private void Map(WebApplication web)
    {
        web.MapRoseWidget();
        web.MapGet("/", () => Results.Content(
            $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Acme</title></head><body><h1>Acme</h1>" +
            $"<script src=\"/rose/widget.js\" data-rose-key=\"{PublicKey}\" async></script></body></html>",
            "text/html; charset=utf-8"));
        web.MapGet("/rose/v1/widget/config", () => Results.Json(new
        {
            tenantId = "acme",
            name = "Acme",
            greeting = "Hello from Acme.",
            primaryColor = "#0055aa",
            textColor = "#ffffff",
            language = "en",
            skills = new[] { new { id = "demo", type = "BookDemo", label = "Book a demo", url = "https://example.com/demo" } },
        }));
        web.MapPost("/rose/v1/conversations", () => Results.Json(new { conversationId = ConversationId, token = Token }, statusCode: 201));
        web.MapGet("/rose/v1/conversations/{id}", (string id, HttpRequest request) =>
            request.Headers.Authorization == "Bearer " + Token && id == ConversationId
                ? Results.Json(new { conversationId = id, messages = History.ToArray() })
                : Results.Problem(statusCode: 404, title: "Conversation not found"));
        web.MapPost("/rose/v1/conversations/{id}/messages", async (HttpContext context) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
            var text = body.GetProperty("text").GetString()!;
            Messages.Enqueue(text);
            await Answer(context.Response, Interlocked.Increment(ref attempts), text);
        });
        web.MapPost("/rose/v1/leads", async (HttpContext context) =>
        {
            Leads.Enqueue(await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body));
            return Results.Json(new { id = "lead-1" }, statusCode: 201);
        });
        web.MapPost("/rose/v1/events", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var batch = JsonSerializer.Deserialize<JsonElement>(await reader.ReadToEndAsync());
            foreach (var item in batch.GetProperty("events").EnumerateArray())
            {
                Events.Enqueue(item.Clone());
            }

            return Results.Accepted();
        });
    }
}
