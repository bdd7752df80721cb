using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rose.Benchmarks;

/// <summary>One labelled question: the document (path relative to the corpus) and the heading that answer it.</summary>
internal sealed record Question(
    [property: JsonPropertyName("question")] string Text,
    [property: JsonPropertyName("document")] string Document,
    [property: JsonPropertyName("section")] string Section)
{
    /// <summary>One question per non-empty line of a JSON-lines file.</summary>
    public static List<Question> ReadAll(string path) =>
        File.ReadAllLines(path).Where(l => l.Trim().Length > 0).Select(l => JsonSerializer.Deserialize<Question>(l)!).ToList();
}
