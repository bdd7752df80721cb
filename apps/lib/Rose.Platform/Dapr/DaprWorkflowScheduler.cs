using Dapr.Workflow;
using Rose.Platform.Workflows;

namespace Rose.Platform.Dapr;

/// <summary>The workflow port on Dapr Workflow (<see cref="DaprWorkflowClient"/>).</summary>
public sealed class DaprWorkflowScheduler(DaprWorkflowClient workflows) : IWorkflowScheduler
{
    public async Task<string> ScheduleByNameAsync(string workflowName, string tenantId, object? input, string? localId = null, CancellationToken cancellationToken = default)
    {
        var instanceId = WorkflowInstanceIds.Compose(tenantId, localId ?? Guid.NewGuid().ToString("N"));
        return await workflows.ScheduleNewWorkflowAsync(workflowName, instanceId, input, null, cancellationToken);
    }

    public async Task<WorkflowInstanceStatus?> GetStatusAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var state = await workflows.GetWorkflowStateAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        if (state is null || !state.Exists)
        {
            return null;
        }

        return new WorkflowInstanceStatus(
            instanceId,
            state.WorkflowName ?? string.Empty,
            Map(state.RuntimeStatus),
            state.CreatedAt,
            state.LastUpdatedAt,
            state.IsWorkflowCompleted ? System.Text.Json.JsonSerializer.Serialize(state.ReadOutputAs<System.Text.Json.JsonElement>(), PlatformJson.Options) : null,
            null,
            state.FailureDetails?.ErrorMessage);
    }

    public async Task<WorkflowInstanceStatus> WaitForCompletionAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await workflows.WaitForWorkflowCompletionAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        return await GetStatusAsync(instanceId, cancellationToken)
            ?? throw new InvalidOperationException($"Workflow instance '{instanceId}' disappeared.");
    }

    public Task RaiseEventAsync(string instanceId, string eventName, object? payload = null, CancellationToken cancellationToken = default) =>
        workflows.RaiseEventAsync(instanceId, eventName, payload, cancellationToken);

    public Task TerminateAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        workflows.TerminateWorkflowAsync(instanceId, reason, cancellationToken);

    public async Task<int> PurgeFinishedAsync(DateTimeOffset finishedBefore, CancellationToken cancellationToken = default)
    {
        var purged = 0;
        string? continuation = null;
        do
        {
            var page = await workflows.ListInstanceIdsAsync(continuation, pageSize: 100, cancellationToken);
            foreach (var instanceId in page.InstanceIds)
            {
                var state = await workflows.GetWorkflowStateAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
                if (state is { Exists: true } && IsFinished(state.RuntimeStatus) && state.LastUpdatedAt < finishedBefore
                    && await workflows.PurgeInstanceAsync(instanceId, cancellationToken))
                {
                    purged++;
                }
            }

            continuation = string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken;
        }
        while (continuation is not null);

        return purged;
    }

    private static bool IsFinished(WorkflowRuntimeStatus status) =>
        status is WorkflowRuntimeStatus.Completed or WorkflowRuntimeStatus.Failed or WorkflowRuntimeStatus.Terminated;

    private static WorkflowRunStatus Map(WorkflowRuntimeStatus status) => status switch
    {
        WorkflowRuntimeStatus.Pending => WorkflowRunStatus.Pending,
        WorkflowRuntimeStatus.Running => WorkflowRunStatus.Running,
        WorkflowRuntimeStatus.Completed => WorkflowRunStatus.Completed,
        WorkflowRuntimeStatus.Failed => WorkflowRunStatus.Failed,
        WorkflowRuntimeStatus.Terminated => WorkflowRunStatus.Terminated,
        WorkflowRuntimeStatus.Suspended => WorkflowRunStatus.Suspended,
        _ => WorkflowRunStatus.Unknown,
    };
}
