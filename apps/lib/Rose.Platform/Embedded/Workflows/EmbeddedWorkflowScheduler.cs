using Dapr.Workflow;
using Rose.Platform.Workflows;

namespace Rose.Platform.Embedded.Workflows;

/// <summary>The workflow port on the embedded runner.</summary>
public sealed class EmbeddedWorkflowScheduler(EmbeddedWorkflowRunner runner, WorkflowJournal journal) : IWorkflowScheduler
{
    public async Task<string> ScheduleByNameAsync(string workflowName, string tenantId, object? input, string? localId = null, CancellationToken cancellationToken = default)
    {
        var instanceId = WorkflowInstanceIds.Compose(tenantId, localId ?? Guid.NewGuid().ToString("N"));
        await runner.ScheduleAsync(workflowName, instanceId, tenantId, WorkflowValues.Serialize(input), cancellationToken);
        return instanceId;
    }

    public async Task<WorkflowInstanceStatus?> GetStatusAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var record = await journal.GetAsync(instanceId, cancellationToken);
        return record?.ToStatus() is { } status
            ? status with { FailureMessage = record.Failure is { } failure ? WorkflowFailure.MessageOf(failure) : null }
            : null;
    }

    public async Task<WorkflowInstanceStatus> WaitForCompletionAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            // Armed before reading, so a change between the read and the wait is not missed.
            var changed = runner.StatusSignalFor(instanceId).Next;
            var status = await GetStatusAsync(instanceId, cancellationToken)
                ?? throw new InvalidOperationException($"There is no workflow instance '{instanceId}'.");
            if (status.IsFinished)
            {
                return status;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    public Task RaiseEventAsync(string instanceId, string eventName, object? payload = null, CancellationToken cancellationToken = default) =>
        runner.RaiseEventAsync(instanceId, eventName, WorkflowValues.Serialize(payload), cancellationToken);

    public Task<int> PurgeFinishedAsync(DateTimeOffset finishedBefore, CancellationToken cancellationToken = default) =>
        journal.PurgeFinishedAsync(finishedBefore, cancellationToken);

    public Task TerminateAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        runner.TerminateAsync(instanceId, reason, cancellationToken);
}
