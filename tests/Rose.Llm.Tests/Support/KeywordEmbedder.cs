using Rose.Llm.Embeddings;

namespace Rose.Llm.Tests.Support;

/// <summary>
/// A deterministic embedder for testing the composer's selection rules: one dimension per keyword,
/// counting occurrences, L2-normalised. Similarities are then known in advance.
/// </summary>
internal sealed class KeywordEmbedder(params string[] keywords) : ITextEmbedder
{
    public string Model => "keywords";

    public int Dimensions => keywords.Length;

    public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
        Task.FromResult(texts.Select(Embed).ToArray());

    private float[] Embed(string text)
    {
        var lower = text.ToLowerInvariant();
        var counts = keywords.Select(k => (float)CountOf(lower, k)).ToArray();
        var norm = MathF.Sqrt(counts.Sum(c => c * c));
        return norm == 0 ? counts : counts.Select(c => c / norm).ToArray();
    }

    private static int CountOf(string text, string keyword)
    {
        var count = 0;
        for (var at = text.IndexOf(keyword, StringComparison.Ordinal); at >= 0; at = text.IndexOf(keyword, at + keyword.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
