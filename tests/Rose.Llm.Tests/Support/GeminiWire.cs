using System.Text;
using System.Text.Json;

namespace Rose.Llm.Tests.Support;

/// <summary>Bodies in Gemini's generateContent wire format.</summary>
internal static class GeminiWire
{
    public static string Stream(IReadOnlyList<string> deltas, int promptTokens = 18, int candidateTokens = 6)
    {
        var body = new StringBuilder();
        for (var i = 0; i < deltas.Count; i++)
        {
            var last = i == deltas.Count - 1;
            body.Append("data: ").Append(JsonSerializer.Serialize(Response(deltas[i], last ? "STOP" : null, last ? Usage(promptTokens, candidateTokens) : null))).Append("\r\n\r\n");
        }

        return body.ToString();
    }

    public static string Whole(string text, int promptTokens = 18, int candidateTokens = 6) =>
        JsonSerializer.Serialize(Response(text, "STOP", Usage(promptTokens, candidateTokens)));

    private static object Usage(int prompt, int candidates) =>
        new { promptTokenCount = prompt, candidatesTokenCount = candidates, totalTokenCount = prompt + candidates };

    private static Dictionary<string, object?> Response(string text, string? finishReason, object? usage)
    {
        var candidate = new Dictionary<string, object?>
        {
            ["content"] = new { parts = new[] { new { text } }, role = "model" },
            ["index"] = 0,
        };
        if (finishReason is not null)
        {
            candidate["finishReason"] = finishReason;
        }

        var response = new Dictionary<string, object?> { ["candidates"] = new[] { candidate }, ["modelVersion"] = "gemini-test" };
        if (usage is not null)
        {
            response["usageMetadata"] = usage;
        }

        return response;
    }
}
