using Dapr.Workflow;
using Rose.Workflows.Models;

namespace Rose.Workflows.Activities;

/// <summary>Records the human-readable reason a document could not be loaded; other documents are untouched.</summary>
public sealed class MarkDocumentFailedActivity(Rose.Knowledge.Ingestion.DocumentLoadingSteps steps) : WorkflowActivity<DocumentFailure, bool>
{
    public override async Task<bool> RunAsync(WorkflowActivityContext context, DocumentFailure input)
    {
        // Not cancelled by shutdown: a failure, once decided, is recorded (the step is short).
        await steps.FailAsync(input.Run, input.Reason, CancellationToken.None);
        return true;
    }
}
