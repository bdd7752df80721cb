using Dapr.Workflow;
using Rose.Workflows.Models;
using Rose.Knowledge.Ingestion;

namespace Rose.Workflows.Activities;

/// <summary>Records the human-readable reason a document could not be loaded; other documents are untouched.</summary>
public sealed class MarkDocumentFailedActivity(DocumentLoadingSteps steps) : WorkflowActivity<DocumentFailure, bool>
{
    public override async Task<bool> RunAsync(WorkflowActivityContext context, DocumentFailure input)
    {
        await steps.FailAsync(input.Document, input.Reason, CancellationToken.None);
        return true;
    }
}
