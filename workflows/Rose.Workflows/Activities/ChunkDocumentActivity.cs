using Dapr.Workflow;
using Rose.Knowledge.Ingestion;

namespace Rose.Workflows.Activities;

/// <summary>Cuts the parsed document into structure-aware chunks bounded in the encoder's tokens.</summary>
public sealed class ChunkDocumentActivity(DocumentLoadingSteps steps) : WorkflowActivity<ParsedSource, ChunkedSource>
{
    public override Task<ChunkedSource> RunAsync(WorkflowActivityContext context, ParsedSource input) =>
        Task.FromResult(steps.Chunk(input));
}
