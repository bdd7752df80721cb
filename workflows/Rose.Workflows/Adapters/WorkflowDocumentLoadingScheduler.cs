using Rose.Knowledge.Ingestion;
using Rose.Platform.Workflows;
using Rose.Workflows.Workflows;

namespace Rose.Workflows.Adapters;

/// <summary>Loads documents through <see cref="DocumentLoadingWorkflow"/> instances (Dapr, or the embedded runner), which survive restarts.</summary>
public sealed class WorkflowDocumentLoadingScheduler(IWorkflowScheduler workflows) : IDocumentLoadingScheduler
{
    public Task ScheduleAsync(DocumentRef document, CancellationToken cancellationToken) =>
        workflows.ScheduleAsync<DocumentLoadingWorkflow>(document.TenantId, document, cancellationToken: cancellationToken);

    /// <summary>
    /// The instance is named after <paramref name="runKey"/>: after a restart the runtime resumes it by
    /// itself, so scheduling the same key again while it is unfinished must not start a second one.
    /// A finished instance of that key is replaced (the reason to load is still there).
    /// </summary>
    public async Task ScheduleOnceAsync(DocumentRef document, string runKey, CancellationToken cancellationToken)
    {
        var instanceId = WorkflowInstanceIds.Compose(document.TenantId, runKey);
        if (await workflows.GetStatusAsync(instanceId, cancellationToken) is { IsFinished: false })
        {
            return;
        }

        await workflows.ScheduleAsync<DocumentLoadingWorkflow>(document.TenantId, document, runKey, cancellationToken);
    }
}
