using System.Text.Json;

namespace Rose.Chat.Tests;

/// <summary>A parsed server-sent event.</summary>
public sealed record SseEvent(string Name, JsonElement Data)
{
    public static IReadOnlyList<SseEvent> ParseAll(string body) =>
        [.. body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(block => block.Split('\n'))
            .Where(lines => lines.Any(l => l.StartsWith("event: ", StringComparison.Ordinal)))
            .Select(lines => new SseEvent(
                lines.First(l => l.StartsWith("event: ", StringComparison.Ordinal))["event: ".Length..],
                JsonDocument.Parse(string.Concat(lines.Where(l => l.StartsWith("data: ", StringComparison.Ordinal)).Select(l => l["data: ".Length..]))).RootElement))];
}
