using System.Text.Json.Serialization;

namespace Rose.Knowledge.Retrieval;

/// <summary>
/// A passage of the tenant's knowledge base that answers a query. Ids are composite
/// (<c>tenantId:localId</c>); <see cref="SourceUrl"/> is the URL given at ingestion, verbatim
/// (fragment included), so a citation can deep-link.
/// </summary>
public sealed record RetrievedPassage(
    string DocumentId,
    string ChunkId,
    string Text,
    IReadOnlyList<string> HeadingPath,
    string Title,
    string? SourceUrl,
    int? Page,
    double Score)
{
    /// <summary>
    /// The chunk's embedding (normalised; empty when the chunk has none in the current model), so
    /// that callers judge relevance against the query vector without embedding the text again.
    /// </summary>
    [JsonIgnore]
    public ReadOnlyMemory<float> Vector { get; init; }
}
