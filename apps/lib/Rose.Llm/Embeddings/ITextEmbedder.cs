namespace Rose.Llm.Embeddings;

/// <summary>
/// Turns texts into vectors. The offline defaults run on ONNX Runtime (<see cref="MiniLmTextEmbedder"/>,
/// <see cref="ArcticXsTextEmbedder"/>, chosen by <c>Rose:Knowledge:Embedder</c>); provider clients
/// (OpenAI-compatible, Azure) implement the same port. Vectors are L2-normalised, so a dot product
/// is the cosine similarity.
/// </summary>
public interface ITextEmbedder
{
    /// <summary>Stored with every vector, so that a change of model re-embeds.</summary>
    string Model { get; }

    int Dimensions { get; }

    /// <summary>Embeds passages: what is stored and searched.</summary>
    Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken);

    /// <summary>
    /// Embeds what a visitor asks, to be compared with passages. Models trained for retrieval with
    /// an instruction on the query side (arctic-embed) add it here; symmetric models embed a query
    /// as any other text.
    /// </summary>
    Task<float[][]> EmbedQueriesAsync(IReadOnlyList<string> queries, CancellationToken cancellationToken) =>
        EmbedAsync(queries, cancellationToken);
}
