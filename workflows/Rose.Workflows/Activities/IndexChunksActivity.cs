using Dapr.Workflow;
using Microsoft.Extensions.Hosting;
using Rose.Knowledge.Ingestion;

namespace Rose.Workflows.Activities;

/// <summary>Atomically replaces the document's chunks, vectors and graph rows; -1 when the document was deleted meanwhile.</summary>
public sealed class IndexChunksActivity(DocumentLoadingSteps steps, IHostApplicationLifetime lifetime) : WorkflowActivity<DocumentRun, int>
{
    public override Task<int> RunAsync(WorkflowActivityContext context, DocumentRun input) =>
        steps.IndexAsync(input, lifetime.ApplicationStopping);
}
