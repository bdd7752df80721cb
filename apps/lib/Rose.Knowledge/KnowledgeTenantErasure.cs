using Rose.Knowledge.Data;
using Rose.Knowledge.Retrieval;
using Rose.Knowledge.VectorStores;
using Rose.Platform.Erasure;
using Rose.Storage;

namespace Rose.Knowledge;

/// <summary>
/// The tenant's knowledge base: its vectors in the vector store (in the database or MongoDB), then its
/// documents, chunks, graph mentions and relations and loading stages; then this process's snapshot of
/// its index is dropped (the other processes' by <see cref="KnowledgeIndexTenantErasure"/>).
/// </summary>
internal sealed class KnowledgeTenantErasure(KnowledgeDbContext db, ICurrentTenant currentTenant, IVectorStore vectors, KnowledgeIndexCache indexes) : ITenantDataEraser
{
    public string Name => "knowledge";

    public async Task EraseAsync(string tenantId, CancellationToken cancellationToken)
    {
        await vectors.DeleteTenantAsync(tenantId, cancellationToken);
        await TenantRows.DeleteAllAsync(db, currentTenant, tenantId, cancellationToken);
        await indexes.EvictAsync(tenantId);
    }
}
