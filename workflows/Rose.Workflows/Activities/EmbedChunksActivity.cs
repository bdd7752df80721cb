using Dapr.Workflow;
using Rose.Knowledge.Ingestion;

namespace Rose.Workflows.Activities;

/// <summary>Embeds every chunk (heading path included) with the configured model.</summary>
public sealed class EmbedChunksActivity(DocumentLoadingSteps steps) : WorkflowActivity<ChunkedSource, EmbeddedSource>
{
    public override Task<EmbeddedSource> RunAsync(WorkflowActivityContext context, ChunkedSource input) =>
        steps.EmbedAsync(input, CancellationToken.None);
}
