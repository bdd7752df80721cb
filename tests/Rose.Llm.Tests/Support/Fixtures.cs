using System.Text.Json;
using Rose.Llm.Composer;

namespace Rose.Llm.Tests.Support;

/// <summary>Small knowledge-base fixtures in tests/Rose.Llm.Tests/Fixtures, as retrieval would return them.</summary>
internal static class Fixtures
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<GroundingPassage> Passages(string name) =>
        JsonSerializer.Deserialize<List<PassageFile>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", $"{name}.json")), Json)!
            .Select((p, i) => new GroundingPassage(null, p.DocumentId, p.ChunkId, p.Title, p.Url, p.Text, 1.0 - (i * 0.1)))
            .ToList();

    private sealed record PassageFile(string DocumentId, string ChunkId, string Title, string? Url, string Text);
}
