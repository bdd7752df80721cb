using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Rose.Chat.Api;

/// <summary>Writes named server-sent events with JSON data, flushing each so tokens reach the visitor at once.</summary>
public static class ServerSentEvents
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Start(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache, no-transform";
        // Tells nginx-style proxies not to buffer the stream.
        response.Headers["X-Accel-Buffering"] = "no";
    }

    public static async Task WriteAsync(HttpResponse response, Pipeline.ChatStreamEvent item, CancellationToken cancellationToken)
    {
        var data = JsonSerializer.Serialize(item.Data, Json);
        await response.WriteAsync($"event: {item.Name}\ndata: {data}\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    /// <summary>A comment line: clients ignore it (the SSE spec), proxies see traffic.</summary>
    public static async Task WriteHeartbeatAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        await response.WriteAsync(": keep-alive\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
