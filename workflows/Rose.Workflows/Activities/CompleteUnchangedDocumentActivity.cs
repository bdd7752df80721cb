using Dapr.Workflow;
using Rose.Knowledge.Ingestion;

namespace Rose.Workflows.Activities;

/// <summary>The content is the one already indexed: mark the document indexed again, touch nothing else.</summary>
public sealed class CompleteUnchangedDocumentActivity(DocumentLoadingSteps steps) : WorkflowActivity<DocumentRef, bool>
{
    public override async Task<bool> RunAsync(WorkflowActivityContext context, DocumentRef input)
    {
        await steps.CompleteUnchangedAsync(input, CancellationToken.None);
        return true;
    }
}
