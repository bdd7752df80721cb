namespace Rose.Llm.Embeddings;

/// <summary>
/// Turns texts into vectors. The offline default is all-MiniLM-L6-v2 (<see cref="MiniLmTextEmbedder"/>);
/// provider clients (OpenAI-compatible, Azure) implement the same port. Vectors are L2-normalised,
/// so a dot product is the cosine similarity.
/// </summary>
public interface ITextEmbedder
{
    /// <summary>Stored with every vector, so that a change of model re-embeds.</summary>
    string Model { get; }

    int Dimensions { get; }

    Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken);
}
