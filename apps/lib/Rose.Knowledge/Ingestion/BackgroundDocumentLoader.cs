using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rose.Knowledge.Data;

namespace Rose.Knowledge.Ingestion;

/// <summary>
/// The in-process document loader: a queue drained by one background loop (the encoder already
/// uses both cores, so loading two documents at once would only interleave them). Documents left
/// queued or processing by a previous run are picked up again on start, so loading resumes after
/// a restart; steps are idempotent (the index step replaces the document's chunks). Documents of
/// another embedding model are scheduled again by <see cref="StaleEmbeddingScan"/>, on this path
/// and on the workflow one alike.
/// </summary>
public sealed class BackgroundDocumentLoader(
    IServiceScopeFactory scopes,
    IServiceProvider services,
    DocumentLoadingPipeline pipeline,
    ILogger<BackgroundDocumentLoader> logger) : BackgroundService, IDocumentLoadingScheduler
{
    private readonly Channel<DocumentRef> queue = Channel.CreateUnbounded<DocumentRef>(new UnboundedChannelOptions { SingleReader = true });
    private int pending;

    /// <summary>Documents queued or being loaded right now (tests and the seeder wait for zero).</summary>
    public int Pending => Volatile.Read(ref pending);

    public Task ScheduleAsync(DocumentRef document, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref pending);
        return queue.Writer.WriteAsync(document, cancellationToken).AsTask();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        // When workflows load documents, their runtime resumes them; resuming here too would load twice.
        if (ReferenceEquals(services.GetService<IDocumentLoadingScheduler>(), this))
        {
            await ResumeUnfinishedAsync(stoppingToken);
        }

        await foreach (var document in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await pipeline.RunAsync(document, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Loading document {DocumentId} of tenant {TenantId} stopped", document.DocumentId, document.TenantId);
            }
            finally
            {
                Interlocked.Decrement(ref pending);
            }
        }
    }

    private async Task ResumeUnfinishedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>();
            // The one query across tenants: a system job that only reads ids to re-queue them;
            // each document is then loaded acting for its own tenant.
            var unfinished = await db.Documents.IgnoreQueryFilters().AsNoTracking()
                .Where(d => d.Status == DocumentStatus.Queued || d.Status == DocumentStatus.Processing)
                .Select(d => new { d.TenantId, d.Id, d.UpdatedAt })
                .ToListAsync(cancellationToken);
            foreach (var document in unfinished.OrderBy(d => d.UpdatedAt))
            {
                await ScheduleAsync(new DocumentRef(document.TenantId, document.Id), cancellationToken);
            }

            if (unfinished.Count > 0)
            {
                logger.LogInformation("Resuming {Count} documents left unfinished by the previous run", unfinished.Count);
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Could not look for unfinished documents; they will load when submitted again");
        }
    }
}
