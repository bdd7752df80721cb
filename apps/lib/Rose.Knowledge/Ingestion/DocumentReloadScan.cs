using System.Linq.Expressions;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rose.Knowledge.Data;
using Rose.Llm.Embeddings;
using Rose.Storage;

namespace Rose.Knowledge.Ingestion;

/// <summary>
/// Once the host has started, finds, tenant by tenant, the documents a load must run for and
/// schedules them through the host's <see cref="IDocumentLoadingScheduler"/>
/// (<c>DocumentLoadingWorkflow</c> instances):
/// <list type="bullet">
/// <item>documents with chunks of another embedding model: vectors of the old model cannot be
/// compared with the new model's queries, so the load re-embeds them even though their content is
/// unchanged (<see cref="DocumentLoadingSteps.FetchAndParseAsync"/>);</item>
/// <item>documents still queued: accepted by a process that stopped before their workflow was
/// scheduled (a workflow that was scheduled is resumed by its runtime, and loading twice only
/// replaces the chunks with the same ones).</item>
/// </list>
/// </summary>
public sealed class DocumentReloadScan(
    IServiceScopeFactory scopes,
    ITextEmbedder embedder,
    IDocumentLoadingScheduler scheduler,
    TimeProvider time,
    ILogger<DocumentReloadScan> logger,
    IHostApplicationLifetime? lifetime = null) : BackgroundService
{
    private const int Attempts = 5;

    /// <summary>Documents queued since this process started have their workflow scheduled by the intake: only older ones are resumed.</summary>
    private readonly DateTimeOffset startedAt = time.GetUtcNow();

    /// <summary>Chunks whose vector the current <paramref name="embedder"/> did not make.</summary>
    public static Expression<Func<KnowledgeChunk, bool>> MadeByAnotherModel(ITextEmbedder embedder)
    {
        var model = embedder.Model;
        var dimensions = embedder.Dimensions;
        return c => c.EmbeddingModel != model || c.EmbeddingDimensions != dimensions;
    }

    /// <summary>Schedules every document with chunks of another model, of every tenant; returns how many.</summary>
    public async Task<int> ScheduleStaleDocumentsAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<string> tenants;
        await using (var scope = scopes.CreateAsyncScope())
        {
            // The one query across tenants: which tenants have a knowledge base at all. Everything
            // else below acts for one tenant at a time, through the tenant filter.
            tenants = await scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>().Documents
                .IgnoreQueryFilters().AsNoTracking().Select(d => d.TenantId).Distinct().ToListAsync(cancellationToken);
        }

        var scheduled = 0;
        foreach (var tenantId in tenants.Order(StringComparer.Ordinal))
        {
            scheduled += await ScheduleStaleDocumentsAsync(tenantId, cancellationToken);
        }

        if (scheduled > 0)
        {
            logger.LogInformation("Scheduled {Count} documents to load again (queued by a previous run, or embedded by another model than {Model})", scheduled, embedder.Model);
        }

        return scheduled;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WhenStartedAsync(stoppingToken);
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            try
            {
                await ScheduleStaleDocumentsAsync(stoppingToken);
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // A workflow runtime (the Dapr sidecar) may not accept work yet right after start.
                logger.LogWarning(e, "Looking for documents to re-embed failed (attempt {Attempt} of {Attempts})", attempt, Attempts);
                if (attempt < Attempts)
                {
                    await Task.Delay(TimeSpan.FromSeconds(5 * attempt), time, stoppingToken);
                }
            }
        }
    }

    private async Task<int> ScheduleStaleDocumentsAsync(string tenantId, CancellationToken cancellationToken)
    {
        List<string> documentIds;
        List<string> queued;
        await using (var scope = scopes.CreateAsyncScope())
        {
            using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(tenantId);
            var db = scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>();
            var stale = db.Chunks.Where(MadeByAnotherModel(embedder)).Select(c => c.DocumentId);
            // Queued and processing documents are being loaded (or resumed) already, with the current model.
            documentIds = await db.Documents.AsNoTracking()
                .Where(d => d.Status != DocumentStatus.Queued && d.Status != DocumentStatus.Processing && stale.Contains(d.Id))
                .Select(d => d.Id)
                .ToListAsync(cancellationToken);
            // Compared here, not in SQL: SQLite cannot compare DateTimeOffset columns.
            queued = [.. (await db.Documents.AsNoTracking()
                    .Where(d => d.Status == DocumentStatus.Queued)
                    .Select(d => new { d.Id, d.UpdatedAt })
                    .ToListAsync(cancellationToken))
                .Where(d => d.UpdatedAt < startedAt)
                .Select(d => d.Id)];
        }

        var scheduled = 0;
        foreach (var (documentId, runKey) in documentIds.Order(StringComparer.Ordinal).Select(id => (id, RunKey(id)))
                     .Concat(queued.Order(StringComparer.Ordinal).Select(id => (id, QueuedRunKey(id)))))
        {
            try
            {
                await scheduler.ScheduleOnceAsync(new DocumentRef(tenantId, documentId), runKey, cancellationToken);
                scheduled++;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // One document that cannot be scheduled must not keep the others on the old model.
                logger.LogWarning(e, "Could not schedule document {DocumentId} of tenant {TenantId} for re-embedding", documentId, tenantId);
            }
        }

        return scheduled;
    }

    /// <summary>
    /// The same document and model give the same key after any number of restarts, so a re-embedding
    /// still running is not started twice. As short as a random instance id, whatever the model's name.
    /// </summary>
    private string RunKey(string documentId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{documentId}\n{embedder.Model}\n{embedder.Dimensions}"));
        return "reembed-" + Convert.ToHexStringLower(hash)[..24];
    }

    /// <summary>One resumption per queued document, however many times the host restarts while it is unfinished.</summary>
    private static string QueuedRunKey(string documentId) =>
        "resume-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(documentId)))[..24];

    private async Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        if (lifetime is null || lifetime.ApplicationStarted.IsCancellationRequested)
        {
            return;
        }

        // After every hosted service has started: migrations applied, the workflow runtime resumed its own instances.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
    }
}
