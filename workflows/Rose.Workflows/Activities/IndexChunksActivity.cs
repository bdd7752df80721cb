using Dapr.Workflow;
using Rose.Knowledge.Ingestion;

namespace Rose.Workflows.Activities;

/// <summary>Atomically replaces the document's chunks, vectors and graph rows; -1 when the document was deleted meanwhile.</summary>
public sealed class IndexChunksActivity(DocumentLoadingSteps steps) : WorkflowActivity<EmbeddedSource, int>
{
    public override Task<int> RunAsync(WorkflowActivityContext context, EmbeddedSource input) =>
        steps.IndexAsync(input, CancellationToken.None);
}
