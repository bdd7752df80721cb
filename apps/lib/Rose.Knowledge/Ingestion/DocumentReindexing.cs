using Microsoft.EntityFrameworkCore;
using Rose.Knowledge.Data;
using Rose.Storage;

namespace Rose.Knowledge.Ingestion;

/// <summary>
/// Loads documents of the current tenant again from their source (the page fetched anew, the kept
/// file or FAQ entry parsed anew), chunked and embedded from scratch even when their content did
/// not change: "re-index" in the backoffice and the API. A document whose file was not kept (too
/// large, or a Drive file that could not be downloaded) has nothing to load again.
/// </summary>
public sealed class DocumentReindexing(KnowledgeDbContext db, ICurrentTenant currentTenant, IDocumentLoadingScheduler scheduler, TimeProvider time)
{
    /// <summary>Queues the document again; null when the tenant has no document with this id.</summary>
    /// <exception cref="KnowledgeValidationException">The document has no source left to load.</exception>
    public async Task<DocumentView?> ReindexAsync(string id, CancellationToken cancellationToken)
    {
        var local = DocumentIds.LocalOf(id, TenantId);
        var row = local is null ? null : await db.Documents.SingleOrDefaultAsync(d => d.Id == local, cancellationToken);
        if (row is null)
        {
            return null;
        }

        if (!CanReload(row))
        {
            throw KnowledgeValidationException.For("id", $"“{row.Title}” has no file kept to load again: upload it again instead.");
        }

        await QueueAsync([row], cancellationToken);
        return DocumentView.From(row);
    }

    /// <summary>Queues every document that has a source to load again; returns how many.</summary>
    public async Task<int> ReindexAllAsync(CancellationToken cancellationToken)
    {
        var rows = (await db.Documents.ToListAsync(cancellationToken)).Where(CanReload).ToList();
        await QueueAsync(rows, cancellationToken);
        return rows.Count;
    }

    private string TenantId => currentTenant.TenantId ?? throw new TenantRequiredException();

    private static bool CanReload(KnowledgeDocument row) => row.Origin == DocumentOrigin.Url || row.Payload is not null;

    private async Task QueueAsync(IReadOnlyList<KnowledgeDocument> rows, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var row in rows)
        {
            // Without the hash of its current chunks, the load cannot skip the document as unchanged.
            row.ContentHash = null;
            row.Status = DocumentStatus.Queued;
            row.Error = null;
            row.UpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var row in rows)
        {
            await scheduler.ScheduleAsync(new DocumentRef(TenantId, row.Id), cancellationToken);
        }
    }
}
