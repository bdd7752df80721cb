using Rose.Llm.Embeddings;
using Xunit;

namespace Rose.Tagging.Tests;

/// <summary>One real MiniLM model (ONNX) for the tests of a collection: loading it takes a second.</summary>
public sealed class EmbedderFixture : IDisposable
{
    public MiniLmTextEmbedder Embedder { get; } = new();

    public void Dispose() => Embedder.Dispose();
}

[CollectionDefinition(Name)]
public sealed class EmbedderCollection : ICollectionFixture<EmbedderFixture>
{
    public const string Name = "embedder";
}
