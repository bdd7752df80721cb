using System.Text.Json.Serialization;

namespace Rose.Tagging.Classification;

/// <summary>The JSON the tagging prompt (<c>tagging.v2</c>) asks the LLM for.</summary>
internal sealed record LlmReply(
    [property: JsonPropertyName("intents")] IReadOnlyList<string>? Intents,
    [property: JsonPropertyName("stage")] string? Stage,
    [property: JsonPropertyName("sentiment")] string? Sentiment,
    [property: JsonPropertyName("language")] string? Language,
    [property: JsonPropertyName("spam")] bool? Spam);
