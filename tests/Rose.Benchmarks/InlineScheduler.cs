using Rose.Knowledge.Ingestion;
using Rose.Platform.Workflows;
using Rose.Workflows.Workflows;

namespace Rose.Benchmarks;

/// <summary>Loads each document through DocumentLoadingWorkflow inside the submit call, so the wall clock covers the whole load.</summary>
internal sealed class InlineScheduler(IWorkflowScheduler workflows) : IDocumentLoadingScheduler
{
    public async Task ScheduleAsync(DocumentRef document, CancellationToken cancellationToken)
    {
        var instanceId = await workflows.ScheduleAsync<DocumentLoadingWorkflow>(document.TenantId, document, cancellationToken: cancellationToken);
        await workflows.WaitForCompletionAsync(instanceId, cancellationToken);
    }
}
