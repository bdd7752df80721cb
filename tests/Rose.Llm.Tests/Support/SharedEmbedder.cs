using Rose.Llm.Embeddings;

namespace Rose.Llm.Tests.Support;

/// <summary>The real MiniLM model, loaded once for the whole suite (about a second to load).</summary>
internal static class SharedEmbedder
{
    private static readonly Lazy<MiniLmTextEmbedder> Embedder = new(() => new MiniLmTextEmbedder());

    public static ITextEmbedder Instance => Embedder.Value;
}
