using Dapr.Workflow;

namespace Rose.Platform.Workflows;

/// <summary>
/// Starts and manages workflow instances (<c>Dapr.Workflow</c> classes), on Dapr or in the embedded
/// runner. Instance ids are <c>{tenantId}_{localId}</c> (see <see cref="WorkflowInstanceIds"/>).
/// </summary>
public interface IWorkflowScheduler
{
    /// <summary>Schedules <typeparamref name="TWorkflow"/> and returns the instance id.</summary>
    Task<string> ScheduleAsync<TWorkflow>(string tenantId, object? input, string? localId = null, CancellationToken cancellationToken = default)
        where TWorkflow : IWorkflow =>
        ScheduleByNameAsync(typeof(TWorkflow).Name, tenantId, input, localId, cancellationToken);

    /// <summary>Schedules the workflow registered as <paramref name="workflowName"/> (its class name) and returns the instance id.</summary>
    Task<string> ScheduleByNameAsync(string workflowName, string tenantId, object? input, string? localId = null, CancellationToken cancellationToken = default);

    /// <summary>The instance's status, or null when there is no such instance.</summary>
    Task<WorkflowInstanceStatus?> GetStatusAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Waits until the instance completes, fails or is terminated, and returns its final status.</summary>
    Task<WorkflowInstanceStatus> WaitForCompletionAsync(string instanceId, CancellationToken cancellationToken = default);

    Task RaiseEventAsync(string instanceId, string eventName, object? payload = null, CancellationToken cancellationToken = default);

    Task TerminateAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes instances that finished before <paramref name="finishedBefore"/>, with their history; returns how many.</summary>
    Task<int> PurgeFinishedAsync(DateTimeOffset finishedBefore, CancellationToken cancellationToken = default);
}
