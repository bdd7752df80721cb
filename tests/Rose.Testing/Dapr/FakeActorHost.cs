using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Rose.Testing.Dapr;

/// <summary>
/// The actor part of daprd's HTTP API for one app that hosts the actor types: a call to
/// <c>/v1.0/actors/{type}/{id}/method/{name}</c> is forwarded to the app's
/// <c>PUT /actors/{type}/{id}/method/{name}</c> with its headers and body (the .NET remoting header
/// <c>X-DaprRequestHeader</c> travels as is), and actor state
/// (<c>GET …/state/{key}</c>: 200 with the value or 204; <c>PUT|POST …/state</c>: a list of
/// <c>{operation: upsert|delete, request: {key, value}}</c>) is kept in memory. As in daprd
/// (pkg/api/http/http.go onDirectActorMessage, onGetActorState, onActorStateTransaction).
/// Not modelled: placement (every actor lives in the one app given), reminders, timers, idle deactivation.
/// </summary>
public sealed class FakeActorHost
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase) { "Host", "Content-Length", "Transfer-Encoding", "Connection" };

    /// <summary>Reaches the app that hosts the actors (for a WebApplicationFactory: its CreateClient()).</summary>
    public Func<HttpClient>? AppChannel { get; set; }

    /// <summary>Actor state by "{type}||{id}||{key}", as JSON.</summary>
    public ConcurrentDictionary<string, string> State { get; } = new();

    public void Map(WebApplication app)
    {
        // Dapr.Actors builds some URLs with a double slash ("//v1.0/actors/…"); daprd's router accepts them.
        app.Use((context, next) =>
        {
            if (context.Request.Path.Value?.StartsWith("//", StringComparison.Ordinal) == true)
            {
                context.Request.Path = context.Request.Path.Value[1..];
            }

            return next(context);
        });
        // After the rewrite, so that routes match the rewritten path (call Map before any other middleware).
        app.UseRouting();
        app.Map("/v1.0/actors/{actorType}/{actorId}/method/{**method}", ForwardAsync);
        app.MapGet("/v1.0/actors/{actorType}/{actorId}/state/{key}", (string actorType, string actorId, string key) =>
            State.TryGetValue(Key(actorType, actorId, key), out var value)
                ? Results.Text(value, "application/json")
                : Results.NoContent());
        app.MapMethods("/v1.0/actors/{actorType}/{actorId}/state", ["PUT", "POST"], async (string actorType, string actorId, HttpRequest request) =>
        {
            using var operations = await JsonDocument.ParseAsync(request.Body);
            foreach (var operation in operations.RootElement.EnumerateArray())
            {
                var body = operation.GetProperty("request");
                var key = Key(actorType, actorId, body.GetProperty("key").GetString()!);
                if (string.Equals(operation.GetProperty("operation").GetString(), "delete", StringComparison.OrdinalIgnoreCase))
                {
                    State.TryRemove(key, out _);
                }
                else
                {
                    State[key] = body.GetProperty("value").GetRawText();
                }
            }

            return Results.NoContent();
        });
    }

    private async Task ForwardAsync(HttpContext context, string actorType, string actorId, string method)
    {
        var channel = AppChannel ?? throw new InvalidOperationException("The fake sidecar's actor host has no app channel: set Actors.AppChannel.");
        using var client = channel();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/actors/{actorType}/{actorId}/method/{method}");
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        request.Content = new ByteArrayContent(body.ToArray());
        foreach (var (name, values) in context.Request.Headers)
        {
            if (HopHeaders.Contains(name))
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                request.Content.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        using var response = await client.SendAsync(request, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopHeaders.Contains(name))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    private static string Key(string actorType, string actorId, string key) => $"{actorType}||{actorId}||{key}";
}
