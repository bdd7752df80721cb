using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Rose.Knowledge.Data;
using Rose.Knowledge.Ingestion;
using Rose.Platform.Bindings;
using Rose.Storage;
using Rose.Tenancy;

namespace Rose.Knowledge.Jobs;

/// <summary>
/// The FAQ update, by cron (saving an entry loads it at once; this catches up): loads again the FAQ
/// entries whose load failed or was lost (queued for more than <see cref="StuckAfter"/>), and removes
/// the old question-keyed document of an entry that is now keyed by its id, so an entry is one document.
/// </summary>
public sealed class FaqUpdateJob(
    TenantDirectory directory,
    KnowledgeDbContext db,
    DocumentIntake intake,
    IDocumentLoadingScheduler scheduler,
    ICurrentTenant currentTenant,
    TimeProvider clock,
    ILogger<FaqUpdateJob> logger) : ICronJob
{
    public static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(15);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var stuckBefore = clock.GetUtcNow() - StuckAfter;
        foreach (var tenantId in await directory.ListTenantIdsAsync(cancellationToken))
        {
            using (currentTenant.Use(tenantId))
            {
                var faqs = await db.Documents.AsNoTracking()
                    .Where(d => d.Origin == DocumentOrigin.Faq)
                    .Select(d => new { d.Id, d.SourceKey, d.Title, d.Status, d.UpdatedAt })
                    .ToListAsync(cancellationToken);
                var byId = faqs.Where(f => f.SourceKey.StartsWith(FaqKeys.IdPrefix, StringComparison.Ordinal)).ToList();
                var superseded = faqs
                    .Where(f => !f.SourceKey.StartsWith(FaqKeys.IdPrefix, StringComparison.Ordinal)
                        && byId.Any(i => string.Equals(i.Title, f.Title, StringComparison.OrdinalIgnoreCase)))
                    .ToList();
                foreach (var old in superseded)
                {
                    await intake.DeleteAsync(old.Id, cancellationToken);
                }

                // Compared here: SQLite cannot compare DateTimeOffsets in SQL; a tenant's FAQ is small.
                var reload = faqs.Except(superseded)
                    .Where(f => f.Status == DocumentStatus.Failed || (f.Status is DocumentStatus.Queued or DocumentStatus.Processing && f.UpdatedAt < stuckBefore))
                    .ToList();
                foreach (var faq in reload)
                {
                    await scheduler.ScheduleOnceAsync(new DocumentRef(tenantId, faq.Id), $"faq-update-{faq.Id}-{faq.UpdatedAt.UtcTicks}", cancellationToken);
                }

                if (superseded.Count + reload.Count > 0)
                {
                    logger.LogInformation("FAQ update of {TenantId}: {Removed} superseded entries removed, {Reloaded} loaded again", tenantId, superseded.Count, reload.Count);
                }
            }
        }
    }
}
