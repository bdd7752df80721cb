using Dapr.Workflow;
using Microsoft.Extensions.Hosting;
using Rose.Knowledge.Ingestion;

namespace Rose.Workflows.Activities;

/// <summary>Embeds every chunk (heading path included) with the configured model.</summary>
public sealed class EmbedChunksActivity(DocumentLoadingSteps steps, IHostApplicationLifetime lifetime) : WorkflowActivity<DocumentRun, int>
{
    public override Task<int> RunAsync(WorkflowActivityContext context, DocumentRun input) =>
        steps.EmbedAsync(input, lifetime.ApplicationStopping);
}
