using System.Text.Json.Serialization;

namespace Rose.Benchmarks;

/// <summary>One labelled question: the document (path relative to the corpus) and the heading that answer it.</summary>
internal sealed record Question(
    [property: JsonPropertyName("question")] string Text,
    [property: JsonPropertyName("document")] string Document,
    [property: JsonPropertyName("section")] string Section);
