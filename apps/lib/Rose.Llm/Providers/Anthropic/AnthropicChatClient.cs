using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Rose.Llm.Providers.Anthropic;

/// <summary>
/// A thin client of Anthropic's Messages API (<c>POST /v1/messages</c>, <c>x-api-key</c>,
/// <c>anthropic-version</c>, server-sent events when streaming). No SDK: the official one is not
/// served to our machines, and the protocol needs a few dozen lines.
/// </summary>
internal sealed class AnthropicChatClient(HttpClient http, Uri endpoint, string apiKey, string version, string model) : IChatClient
{
    public const string DefaultEndpoint = "https://api.anthropic.com";
    private const int DefaultMaxTokens = 1024;

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var request = CreateRequest(messages, options, stream: false);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await HttpResponses.EnsureSuccessAsync(response, "Anthropic", cancellationToken);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
        var text = new StringBuilder();
        foreach (var block in body["content"]?.AsArray() ?? [])
        {
            if ((string?)block?["type"] == "text")
            {
                text.Append((string?)block["text"]);
            }
        }

        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text.ToString()))
        {
            ModelId = (string?)body["model"] ?? model,
            FinishReason = FinishReason((string?)body["stop_reason"]),
            Usage = new UsageDetails
            {
                InputTokenCount = (long?)body["usage"]?["input_tokens"],
                OutputTokenCount = (long?)body["usage"]?["output_tokens"],
            },
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var request = CreateRequest(messages, options, stream: true);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await HttpResponses.EnsureSuccessAsync(response, "Anthropic", cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);

        long? inputTokens = null;
        var responseModel = model;
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(cancellationToken))
        {
            var data = JsonNode.Parse(item.Data);
            var deltaType = (string?)data?["delta"]?["type"];
            switch (item.EventType)
            {
                case "message_start":
                    inputTokens = (long?)data?["message"]?["usage"]?["input_tokens"];
                    responseModel = (string?)data?["message"]?["model"] ?? model;
                    break;
                case "content_block_delta" when deltaType == "text_delta":
                    yield return new ChatResponseUpdate(ChatRole.Assistant, (string?)data?["delta"]?["text"]) { ModelId = responseModel };
                    break;
                case "message_delta":
                    var update = new ChatResponseUpdate(ChatRole.Assistant, string.Empty)
                    {
                        ModelId = responseModel,
                        FinishReason = FinishReason((string?)data?["delta"]?["stop_reason"]),
                    };
                    update.Contents.Add(new UsageContent(new UsageDetails
                    {
                        InputTokenCount = inputTokens,
                        OutputTokenCount = (long?)data?["usage"]?["output_tokens"],
                    }));
                    yield return update;
                    break;
                case "error":
                    // An error event inside a 200 stream (e.g. overloaded_error): as retryable as a 529.
                    throw new ProviderHttpException(
                        System.Net.HttpStatusCode.ServiceUnavailable,
                        null,
                        $"Anthropic stream error: {(string?)data?["error"]?["type"]}: {(string?)data?["error"]?["message"]}");
                case "message_stop":
                    yield break;
            }
        }

        // Anthropic always ends with message_stop: without it the connection was cut mid-answer.
        throw new IOException("The Anthropic event stream ended before message_stop.");
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
        // The HttpClient belongs to the factory.
    }

    private HttpRequestMessage CreateRequest(IEnumerable<ChatMessage> messages, ChatOptions? options, bool stream)
    {
        var system = new StringBuilder();
        var turns = new JsonArray();
        foreach (var message in messages)
        {
            if (message.Role == ChatRole.System)
            {
                system.AppendLine(message.Text);
                continue;
            }

            turns.Add(new JsonObject
            {
                ["role"] = message.Role == ChatRole.Assistant ? "assistant" : "user",
                ["content"] = message.Text,
            });
        }

        var body = new JsonObject
        {
            ["model"] = options?.ModelId ?? model,
            ["max_tokens"] = options?.MaxOutputTokens ?? DefaultMaxTokens,
            ["messages"] = turns,
            ["stream"] = stream,
        };
        if (system.Length > 0)
        {
            body["system"] = system.ToString().Trim();
        }

        if (options?.Temperature is { } temperature)
        {
            body["temperature"] = temperature;
        }

        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(WithSlash(endpoint), "v1/messages"))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-api-key", apiKey);
        request.Headers.Add("anthropic-version", version);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(stream ? "text/event-stream" : "application/json"));
        return request;
    }

    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    private static ChatFinishReason? FinishReason(string? stopReason) => stopReason switch
    {
        null => null,
        "end_turn" or "stop_sequence" => ChatFinishReason.Stop,
        "max_tokens" => ChatFinishReason.Length,
        "tool_use" => ChatFinishReason.ToolCalls,
        _ => new ChatFinishReason(stopReason),
    };
}
