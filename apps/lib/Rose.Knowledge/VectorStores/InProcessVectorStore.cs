using Rose.Knowledge.Retrieval;

namespace Rose.Knowledge.VectorStores;

/// <summary>
/// The default: vectors stay in the chunks table and the loader puts them in each snapshot's
/// <see cref="VectorIndex"/>, so writes have nothing to do here and a search is the snapshot's
/// SIMD scan, answered synchronously (retrieval must stay within a few milliseconds).
/// </summary>
public sealed class InProcessVectorStore : IVectorStore
{
    public Task ReplaceDocumentAsync(string tenantId, string documentId, string model, IReadOnlyList<ChunkVector> chunks, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public Task DeleteDocumentAsync(string tenantId, string documentId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task DeleteTenantAsync(string tenantId, CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask<ScoredOrdinal[]> SearchAsync(TenantKnowledgeIndex snapshot, ReadOnlyMemory<float> queryVector, int k, CancellationToken cancellationToken) =>
        new(snapshot.Vectors.Search(queryVector.Span, k));
}
