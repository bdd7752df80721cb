using Dapr.Workflow;
using Microsoft.Extensions.Hosting;
using Rose.Knowledge.Ingestion;

namespace Rose.Workflows.Activities;

/// <summary>Cuts the parsed document into structure-aware chunks bounded in the encoder's tokens.</summary>
public sealed class ChunkDocumentActivity(DocumentLoadingSteps steps, IHostApplicationLifetime lifetime) : WorkflowActivity<DocumentRun, int>
{
    public override Task<int> RunAsync(WorkflowActivityContext context, DocumentRun input) =>
        steps.ChunkAsync(input, lifetime.ApplicationStopping);
}
