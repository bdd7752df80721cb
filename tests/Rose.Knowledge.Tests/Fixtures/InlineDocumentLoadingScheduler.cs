using Microsoft.Extensions.DependencyInjection;
using Rose.Knowledge.Ingestion;

namespace Rose.Knowledge.Tests.Fixtures;

/// <summary>Runs the loading pipeline inside the submit call, so a test can assert right after submitting.</summary>
public sealed class InlineDocumentLoadingScheduler(IServiceProvider services) : IDocumentLoadingScheduler
{
    public bool Paused { get; set; }

    public List<DocumentRef> Skipped { get; } = [];

    public Task ScheduleAsync(DocumentRef document, CancellationToken cancellationToken)
    {
        if (Paused)
        {
            Skipped.Add(document);
            return Task.CompletedTask;
        }

        return services.GetRequiredService<DocumentLoadingPipeline>().RunAsync(document, cancellationToken);
    }
}
