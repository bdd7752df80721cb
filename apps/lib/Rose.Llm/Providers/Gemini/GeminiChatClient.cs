using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Rose.Llm.Providers.Gemini;

/// <summary>
/// A thin client of Google's Gemini API: <c>models/{model}:generateContent</c> and
/// <c>:streamGenerateContent?alt=sse</c>, key in the <c>x-goog-api-key</c> header. No SDK: the SK
/// Google connector is not served to our machines.
/// </summary>
internal sealed class GeminiChatClient(HttpClient http, Uri endpoint, string apiKey, string model) : IChatClient
{
    public const string DefaultEndpoint = "https://generativelanguage.googleapis.com";

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var request = CreateRequest(messages, options, stream: false);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await HttpResponses.EnsureSuccessAsync(response, "Gemini", cancellationToken);
        var update = ToUpdate(JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)));
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, update.Text))
        {
            ModelId = update.ModelId,
            FinishReason = update.FinishReason,
            Usage = update.Contents.OfType<UsageContent>().FirstOrDefault()?.Details,
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var request = CreateRequest(messages, options, stream: true);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await HttpResponses.EnsureSuccessAsync(response, "Gemini", cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(cancellationToken))
        {
            if (string.IsNullOrWhiteSpace(item.Data))
            {
                continue;
            }

            yield return ToUpdate(JsonNode.Parse(item.Data));
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
        // The HttpClient belongs to the factory.
    }

    private ChatResponseUpdate ToUpdate(JsonNode? body)
    {
        if (body?["error"] is { } error)
        {
            throw new ProviderHttpException(System.Net.HttpStatusCode.ServiceUnavailable, null, $"Gemini stream error: {(string?)error["message"]}");
        }

        var candidate = body?["candidates"]?[0];
        var text = new StringBuilder();
        foreach (var part in candidate?["content"]?["parts"]?.AsArray() ?? [])
        {
            text.Append((string?)part?["text"]);
        }

        var update = new ChatResponseUpdate(ChatRole.Assistant, text.ToString())
        {
            ModelId = (string?)body?["modelVersion"] ?? model,
            FinishReason = FinishReason((string?)candidate?["finishReason"]),
        };
        if (body?["usageMetadata"] is { } usage)
        {
            update.Contents.Add(new UsageContent(new UsageDetails
            {
                InputTokenCount = (long?)usage["promptTokenCount"],
                OutputTokenCount = (long?)usage["candidatesTokenCount"],
                TotalTokenCount = (long?)usage["totalTokenCount"],
            }));
        }

        return update;
    }

    private HttpRequestMessage CreateRequest(IEnumerable<ChatMessage> messages, ChatOptions? options, bool stream)
    {
        var system = new StringBuilder();
        var contents = new JsonArray();
        foreach (var message in messages)
        {
            if (message.Role == ChatRole.System)
            {
                system.AppendLine(message.Text);
                continue;
            }

            contents.Add(new JsonObject
            {
                ["role"] = message.Role == ChatRole.Assistant ? "model" : "user",
                ["parts"] = new JsonArray(new JsonObject { ["text"] = message.Text }),
            });
        }

        var generationConfig = new JsonObject();
        if (options?.MaxOutputTokens is { } maxTokens)
        {
            generationConfig["maxOutputTokens"] = maxTokens;
        }

        if (options?.Temperature is { } temperature)
        {
            generationConfig["temperature"] = temperature;
        }

        var body = new JsonObject { ["contents"] = contents, ["generationConfig"] = generationConfig };
        if (system.Length > 0)
        {
            body["systemInstruction"] = new JsonObject { ["parts"] = new JsonArray(new JsonObject { ["text"] = system.ToString().Trim() }) };
        }

        var action = stream ? "streamGenerateContent?alt=sse" : "generateContent";
        var modelId = options?.ModelId ?? model;
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(WithSlash(endpoint), $"v1beta/models/{Uri.EscapeDataString(modelId)}:{action}"))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-goog-api-key", apiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(stream ? "text/event-stream" : "application/json"));
        return request;
    }

    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    private static ChatFinishReason? FinishReason(string? reason) => reason switch
    {
        null => null,
        "STOP" => ChatFinishReason.Stop,
        "MAX_TOKENS" => ChatFinishReason.Length,
        "SAFETY" or "RECITATION" or "BLOCKLIST" or "PROHIBITED_CONTENT" => ChatFinishReason.ContentFilter,
        _ => new ChatFinishReason(reason.ToLowerInvariant()),
    };
}
