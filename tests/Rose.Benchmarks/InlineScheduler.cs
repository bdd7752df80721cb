using Microsoft.Extensions.DependencyInjection;
using Rose.Knowledge.Ingestion;

namespace Rose.Benchmarks;

/// <summary>Loads each document inside the submit call, so the wall clock covers the whole pipeline.</summary>
internal sealed class InlineScheduler(IServiceProvider services) : IDocumentLoadingScheduler
{
    public Task ScheduleAsync(DocumentRef document, CancellationToken cancellationToken) =>
        services.GetRequiredService<DocumentLoadingPipeline>().RunAsync(document, cancellationToken);
}
