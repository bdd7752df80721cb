using Microsoft.EntityFrameworkCore;
using Rose.Knowledge.Data;
using Rose.Storage;

namespace Rose.Knowledge.Ingestion;

/// <summary>
/// Counts a tenant's documents by their stored status. Reads the database rather than any loader's
/// in-memory queue, so it answers the same whichever path loads documents (in-process or workflow)
/// and in whichever replica it runs.
/// </summary>
public sealed class KnowledgeLoadingProgress(KnowledgeDbContext db, ICurrentTenant currentTenant)
{
    public async Task<KnowledgeLoadingSnapshot> ForTenantAsync(string tenantId, CancellationToken cancellationToken)
    {
        using var _ = currentTenant.Use(tenantId);
        var counts = await db.Documents.AsNoTracking()
            .GroupBy(d => d.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Count(params DocumentStatus[] statuses) => counts.Where(c => statuses.Contains(c.Status)).Sum(c => c.Count);
        return new KnowledgeLoadingSnapshot(
            counts.Sum(c => c.Count),
            Count(DocumentStatus.Queued, DocumentStatus.Processing),
            Count(DocumentStatus.Indexed),
            Count(DocumentStatus.Failed));
    }
}
