namespace Rose.Llm.Embeddings;

/// <summary>The offline embedding models Rose ships (setting <c>Rose:Knowledge:Embedder</c>).</summary>
public enum OfflineEmbedder
{
    MiniLm,
    ArcticXs,
}
