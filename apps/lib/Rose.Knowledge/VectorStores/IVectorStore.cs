using Rose.Knowledge.Retrieval;

namespace Rose.Knowledge.VectorStores;

/// <summary>
/// Where the chunk vectors of the dense retrieval leg live: in the tenant's in-memory snapshot
/// (<see cref="InProcessVectorStore"/>, the default) or in an external store shared by all tenants
/// (<see cref="MongoVectorStore"/>, for large deployments). Every call names its tenant; a store
/// never returns another tenant's chunks.
/// </summary>
public interface IVectorStore
{
    /// <summary>
    /// Makes <paramref name="chunks"/> the vectors of the document: the ones it had before and that
    /// are not in the list are removed. Chunk and document ids are local (without the tenant).
    /// </summary>
    Task ReplaceDocumentAsync(string tenantId, string documentId, string model, IReadOnlyList<ChunkVector> chunks, CancellationToken cancellationToken);

    Task DeleteDocumentAsync(string tenantId, string documentId, CancellationToken cancellationToken);

    Task DeleteTenantAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>
    /// The vector leg of hybrid retrieval: the <paramref name="k"/> chunks nearest to the query, of
    /// the snapshot's tenant, as ordinals of <paramref name="snapshot"/>, best first. Chunks the
    /// snapshot does not know (a document deleted or replaced since it was loaded) are left out, so
    /// a search never cites a chunk that is gone. A <see cref="ValueTask{TResult}"/>: the in-process
    /// store answers synchronously, without allocating a task.
    /// </summary>
    ValueTask<ScoredOrdinal[]> SearchAsync(TenantKnowledgeIndex snapshot, ReadOnlyMemory<float> queryVector, int k, CancellationToken cancellationToken);
}
