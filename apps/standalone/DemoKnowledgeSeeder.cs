using System.Diagnostics;
using Microsoft.Extensions.Options;
using Rose.Knowledge.Ingestion;
using Rose.Storage;

namespace Rose.Standalone;

/// <summary>
/// Loads Rose's own documentation (<c>docs/*.md</c>, copied next to the binary) into the demo
/// tenant's knowledge base, so the demo answers questions about Rose out of the box. Runs in the
/// background after the demo tenant exists, so the host starts at once; unchanged files are
/// no-ops on later starts, edited ones replace their passages. It then waits until no page is
/// queued or processing (read from the documents' stored status, whichever loader runs) and
/// reports the end of loading to <see cref="DemoKnowledgeLoading"/>, which holds readiness until then.
/// </summary>
public sealed class DemoKnowledgeSeeder(
    IServiceScopeFactory scopes,
    IOptions<DemoOptions> options,
    DemoKnowledgeLoading loading,
    ILogger<DemoKnowledgeSeeder> logger) : BackgroundService
{
    // Loading a page takes a few hundred milliseconds: polling faster would only cost queries.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static string DocsFolder => Path.Combine(AppContext.BaseDirectory, "docs");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            loading.Finish(null);
            return;
        }

        await Task.Yield();
        try
        {
            var clock = Stopwatch.StartNew();
            if (options.Value.KnowledgeLoadDelay > TimeSpan.Zero)
            {
                logger.LogInformation("Demo knowledge base: loading the documentation in {Delay} (Rose:Demo:KnowledgeLoadDelay)", options.Value.KnowledgeLoadDelay);
                await Task.Delay(options.Value.KnowledgeLoadDelay, stoppingToken);
            }

            if (!Directory.Exists(DocsFolder))
            {
                logger.LogWarning("No documentation found in {Folder}: the demo knowledge base stays empty", DocsFolder);
                loading.Finish(null);
                return;
            }

            await using var scope = scopes.CreateAsyncScope();
            await SubmitAsync(scope.ServiceProvider, stoppingToken);
            var documents = await WaitUntilSettledAsync(scope.ServiceProvider.GetRequiredService<KnowledgeLoadingProgress>(), stoppingToken);
            loading.Finish(new DemoKnowledgeLoaded(documents, clock.Elapsed));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: nothing to report.
        }
        catch (Exception e)
        {
            // The host still serves (every tenant but the demo is unaffected): it must not stay not ready forever.
            logger.LogWarning(e, "Could not load the documentation into the demo knowledge base");
            loading.Finish(null);
        }
    }

    private async Task SubmitAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var files = Directory.GetFiles(DocsFolder, "*.md").Order(StringComparer.Ordinal).ToList();
        using var _ = services.GetRequiredService<ICurrentTenant>().Use(DemoOptions.TenantId);
        var intake = services.GetRequiredService<DocumentIntake>();
        foreach (var file in files)
        {
            var content = await File.ReadAllBytesAsync(file, cancellationToken);
            // Each page links to its own rendering on this host (/docs/…), so citations deep-link.
            var url = options.Value.DocsUrl(Path.GetFileNameWithoutExtension(file));
            await intake.SubmitAsync(new DocumentSubmission(null, url, "docs/" + Path.GetFileName(file), "text/markdown", content), cancellationToken);
        }

        logger.LogInformation("Demo knowledge base: {Count} documentation pages submitted for loading", files.Count);
    }

    private async Task<KnowledgeLoadingSnapshot> WaitUntilSettledAsync(KnowledgeLoadingProgress progress, CancellationToken cancellationToken)
    {
        while (true)
        {
            var snapshot = await progress.ForTenantAsync(DemoOptions.TenantId, cancellationToken);
            loading.Report(snapshot);
            if (snapshot.IsSettled)
            {
                return snapshot;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
