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
    private Dictionary<string, int>? ordinalsById;

    public string TenantId { get; } = tenantId;

    public IReadOnlyList<IndexedChunk> Chunks { get; } = chunks;

    public VectorIndex Vectors { get; } = vectors;

    public KeywordIndex Keywords { get; } = keywords;

    public GraphIndex Graph { get; } = graph;

    public int Count => Chunks.Count;

    /// <summary>
    /// The ordinal of a chunk by its composite id, for vector stores that answer with ids. Built on
    /// first use: the in-process path never needs it.
    /// </summary>
    public bool TryGetOrdinal(string chunkId, out int ordinal) =>
        (Volatile.Read(ref ordinalsById) ?? IndexChunkIds()).TryGetValue(chunkId, out ordinal);

    public void Dispose() => Keywords.Dispose();

    private Dictionary<string, int> IndexChunkIds()
    {
        var ordinals = new Dictionary<string, int>(Chunks.Count, StringComparer.Ordinal);
        for (var i = 0; i < Chunks.Count; i++)
        {
            ordinals[Chunks[i].ChunkId] = i;
        }

        // Two first searches may both build it; one wins, both answers agree.
        return Interlocked.CompareExchange(ref ordinalsById, ordinals, null) ?? ordinals;
    }
}
