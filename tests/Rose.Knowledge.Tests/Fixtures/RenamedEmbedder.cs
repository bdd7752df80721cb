using Rose.Llm.Embeddings;

namespace Rose.Knowledge.Tests.Fixtures;

/// <summary>
/// The real MiniLM encoder under another model name: the knowledge base then holds vectors "of
/// another model", as after switching embedding provider, without a second model to download.
/// </summary>
public sealed class RenamedEmbedder(string model) : ITextEmbedder
{
    public string Model { get; } = model;

    public int Dimensions => SharedEmbedder.Instance.Dimensions;

    public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
        SharedEmbedder.Instance.EmbedAsync(texts, cancellationToken);
}
