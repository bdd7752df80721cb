using Rose.Knowledge.Ingestion;
using Rose.Platform.Workflows;
using Rose.Workflows.Workflows;

namespace Rose.Workflows.Adapters;

/// <summary>Loads documents through <see cref="DocumentLoadingWorkflow"/> instances (Dapr, or the embedded runner), which survive restarts.</summary>
public sealed class WorkflowDocumentLoadingScheduler(IWorkflowScheduler workflows) : IDocumentLoadingScheduler
{
    public Task ScheduleAsync(DocumentRef document, CancellationToken cancellationToken) =>
        workflows.ScheduleAsync<DocumentLoadingWorkflow>(document.TenantId, document, cancellationToken: cancellationToken);
}
