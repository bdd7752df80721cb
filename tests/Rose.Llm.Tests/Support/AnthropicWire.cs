using System.Text;
using System.Text.Json;

namespace Rose.Llm.Tests.Support;

/// <summary>Bodies in Anthropic's Messages API wire format.</summary>
internal static class AnthropicWire
{
    public static string Stream(IEnumerable<string> deltas, int inputTokens = 25, int outputTokens = 15, string model = "claude-test")
    {
        var body = new StringBuilder();
        Event(body, "message_start", new
        {
            type = "message_start",
            message = new { id = "msg_1", type = "message", role = "assistant", model, content = Array.Empty<object>(), stop_reason = (string?)null, usage = new { input_tokens = inputTokens, output_tokens = 1 } },
        });
        Event(body, "content_block_start", new { type = "content_block_start", index = 0, content_block = new { type = "text", text = string.Empty } });
        Event(body, "ping", new { type = "ping" });
        foreach (var delta in deltas)
        {
            Event(body, "content_block_delta", new { type = "content_block_delta", index = 0, delta = new { type = "text_delta", text = delta } });
        }

        Event(body, "content_block_stop", new { type = "content_block_stop", index = 0 });
        Event(body, "message_delta", new { type = "message_delta", delta = new { stop_reason = "end_turn", stop_sequence = (string?)null }, usage = new { output_tokens = outputTokens } });
        Event(body, "message_stop", new { type = "message_stop" });
        return body.ToString();
    }

    public static string OverloadedEvent()
    {
        var body = new StringBuilder();
        Event(body, "error", new { type = "error", error = new { type = "overloaded_error", message = "Overloaded" } });
        return body.ToString();
    }

    public static string Message(string text, int inputTokens = 30, int outputTokens = 10) => JsonSerializer.Serialize(new
    {
        id = "msg_2",
        type = "message",
        role = "assistant",
        model = "claude-test",
        content = new[] { new { type = "text", text } },
        stop_reason = "end_turn",
        usage = new { input_tokens = inputTokens, output_tokens = outputTokens },
    });

    private static void Event(StringBuilder body, string name, object data) =>
        body.Append("event: ").Append(name).Append('\n').Append("data: ").Append(JsonSerializer.Serialize(data)).Append("\n\n");
}
