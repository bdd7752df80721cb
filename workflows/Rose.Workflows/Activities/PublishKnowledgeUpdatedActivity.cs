using Dapr.Workflow;
using Rose.Knowledge.Events;
using Rose.Knowledge.Ingestion;

namespace Rose.Workflows.Activities;

/// <summary>Refreshes this process's index of the tenant and publishes <c>knowledge.updated</c> for the others.</summary>
public sealed class PublishKnowledgeUpdatedActivity(DocumentLoadingSteps steps) : WorkflowActivity<DocumentRef, bool>
{
    public override async Task<bool> RunAsync(WorkflowActivityContext context, DocumentRef input)
    {
        await steps.PublishUpdatedAsync(input, KnowledgeUpdated.Indexed, CancellationToken.None);
        return true;
    }
}
