using Microsoft.Extensions.Options;
using Rose.Knowledge.Ingestion;
using Rose.Storage;

namespace Rose.Standalone;

/// <summary>
/// Loads Rose's own documentation (<c>docs/*.md</c>, copied next to the binary) into the demo
/// tenant's knowledge base, so the demo answers questions about Rose out of the box. Runs in the
/// background after the demo tenant exists, so the host starts at once; unchanged files are
/// no-ops on later starts, edited ones replace their passages.
/// </summary>
public sealed class DemoKnowledgeSeeder(
    IServiceScopeFactory scopes,
    IOptions<DemoOptions> options,
    ILogger<DemoKnowledgeSeeder> logger) : BackgroundService
{
    public static string DocsFolder => Path.Combine(AppContext.BaseDirectory, "docs");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await Task.Yield();
        if (!Directory.Exists(DocsFolder))
        {
            logger.LogWarning("No documentation found in {Folder}: the demo knowledge base stays empty", DocsFolder);
            return;
        }

        try
        {
            var files = Directory.GetFiles(DocsFolder, "*.md").Order(StringComparer.Ordinal).ToList();
            await using var scope = scopes.CreateAsyncScope();
            using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(DemoOptions.TenantId);
            var intake = scope.ServiceProvider.GetRequiredService<DocumentIntake>();
            foreach (var file in files)
            {
                var content = await File.ReadAllBytesAsync(file, stoppingToken);
                // Each page links to its own rendering on this host (/docs/…), so citations deep-link.
                var url = options.Value.DocsUrl(Path.GetFileNameWithoutExtension(file));
                await intake.SubmitAsync(new DocumentSubmission(null, url, "docs/" + Path.GetFileName(file), "text/markdown", content), stoppingToken);
            }

            logger.LogInformation("Demo knowledge base: {Count} documentation pages submitted for loading", files.Count);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Could not load the documentation into the demo knowledge base");
        }
    }
}
