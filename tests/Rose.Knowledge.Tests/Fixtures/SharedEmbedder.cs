using Rose.Llm.Embeddings;

namespace Rose.Knowledge.Tests.Fixtures;

/// <summary>One real MiniLM encoder for the whole run: loading it takes about a second.</summary>
public static class SharedEmbedder
{
    public static MiniLmTextEmbedder Instance { get; } = new();
}
