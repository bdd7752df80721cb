namespace Rose.Llm.Composer;

/// <summary>
/// A retrieved passage an answer may use and cite.
/// </summary>
/// <param name="Number">The citation number the chat already shows for it; numbered by first citation when null.</param>
/// <param name="DocumentId">The document it comes from (<c>tenantId:localId</c>).</param>
/// <param name="ChunkId">The chunk within the document.</param>
/// <param name="Title">Document or section title, shown with the citation.</param>
/// <param name="Url">Where the visitor can read it, if it has a page.</param>
/// <param name="Text">The passage text.</param>
/// <param name="Score">The retrieval score (higher is better; informative, the composer measures relevance itself).</param>
public sealed record GroundingPassage(int? Number, string DocumentId, string ChunkId, string Title, string? Url, string Text, double Score)
{
    /// <summary>
    /// The passage's embedding from the knowledge index, in the embedder's space; empty when the
    /// caller has none (the composer then embeds the text itself).
    /// </summary>
    public ReadOnlyMemory<float> Vector { get; init; }
}
