using Rose.Knowledge.Graph;

namespace Rose.Knowledge.Retrieval;

/// <summary>Builds a tenant snapshot from chunks and their vectors (from storage, or synthetic in benchmarks).</summary>
public static class TenantIndexBuilder
{
    public static TenantKnowledgeIndex Build(
        string tenantId,
        IReadOnlyList<IndexedChunk> chunks,
        float[] vectors,
        int dimensions,
        bool quantize,
        GraphIndex? graph = null) =>
        new(tenantId, chunks, new VectorIndex(vectors, dimensions, quantize), new KeywordIndex(chunks), graph ?? GraphIndex.Empty);
}
