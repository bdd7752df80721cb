using System.Text;
using System.Text.Json;

namespace Rose.Testing;

/// <summary>Bodies in OpenAI's Chat Completions wire format (also Azure's and every compatible server's).</summary>
public static class OpenAiWire
{
    public static string Stream(IEnumerable<string> deltas, int promptTokens = 12, int completionTokens = 7, string model = "small-model", bool includeUsage = true)
    {
        var body = new StringBuilder();
        var first = true;
        foreach (var delta in deltas)
        {
            var chunkDelta = first ? (object)new { role = "assistant", content = delta } : new { content = delta };
            first = false;
            Event(body, new { id = "chatcmpl-1", @object = "chat.completion.chunk", created = 1_700_000_000, model, choices = new[] { new { index = 0, delta = chunkDelta, finish_reason = (string?)null } } });
        }

        Event(body, new { id = "chatcmpl-1", @object = "chat.completion.chunk", created = 1_700_000_000, model, choices = new[] { new { index = 0, delta = new { }, finish_reason = "stop" } } });
        if (includeUsage)
        {
            Event(body, new
            {
                id = "chatcmpl-1",
                @object = "chat.completion.chunk",
                created = 1_700_000_000,
                model,
                choices = Array.Empty<object>(),
                usage = new { prompt_tokens = promptTokens, completion_tokens = completionTokens, total_tokens = promptTokens + completionTokens },
            });
        }

        body.Append("data: [DONE]\n\n");
        return body.ToString();
    }

    /// <summary>A 200 stream that sends one delta and then garbage: broken after the first token.</summary>
    public static string BrokenAfterFirstToken(string delta) =>
        Stream([delta]).Split("\n\n")[0] + "\n\ndata: {\"id\": \"chatcmpl-1\", \"choices\": [ {broken\n\n";

    /// <summary>A 200 stream whose first event is garbage: broken before the first token.</summary>
    public const string BrokenBeforeFirstToken = "data: {\"id\": \"chatcmpl-1\", \"choices\": [ {broken\n\n";

    /// <param name="finishReason"><c>length</c> for a reply cut off at the output-token limit.</param>
    public static string Completion(string content, int promptTokens = 20, int completionTokens = 9, string model = "small-model", string finishReason = "stop") =>
        JsonSerializer.Serialize(new
        {
            id = "chatcmpl-2",
            @object = "chat.completion",
            created = 1_700_000_000,
            model,
            choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = finishReason } },
            usage = new { prompt_tokens = promptTokens, completion_tokens = completionTokens, total_tokens = promptTokens + completionTokens },
        });

    private static void Event(StringBuilder body, object data) => body.Append("data: ").Append(JsonSerializer.Serialize(data)).Append("\n\n");
}
