using Rose.Knowledge.Graph;

namespace Rose.Knowledge.Retrieval;

/// <summary>
/// An immutable snapshot of one tenant's searchable knowledge: chunks, vectors, keyword index and
/// graph, all addressed by the chunk's ordinal. Replaced as a whole when knowledge changes.
/// </summary>
public sealed class TenantKnowledgeIndex(
    string tenantId,
    IReadOnlyList<IndexedChunk> chunks,
    VectorIndex vectors,
    KeywordIndex keywords,
    GraphIndex graph) : IDisposable
{
    public string TenantId { get; } = tenantId;

    public IReadOnlyList<IndexedChunk> Chunks { get; } = chunks;

    public VectorIndex Vectors { get; } = vectors;

    public KeywordIndex Keywords { get; } = keywords;

    public GraphIndex Graph { get; } = graph;

    public int Count => Chunks.Count;

    public void Dispose() => Keywords.Dispose();
}
