using System.Net;
using System.Net.Http.Json;
using Rose.Platform.Invocation;

namespace Rose.Platform.Workflows;

/// <summary>
/// The workflow port in an app that does not host the workflows (backoffice, admin on Dapr): each
/// call goes to the worker's workflow API (<see cref="WorkflowApiRoutes"/>) by service invocation,
/// since a Dapr sidecar drives only its own app's workflows.
/// </summary>
public sealed class WorkerWorkflowScheduler(IServiceInvoker invoker, TimeProvider time) : IWorkflowScheduler
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromSeconds(5);

    private HttpClient Worker => invoker.CreateClient(AppIds.Worker);

    public async Task<string> ScheduleByNameAsync(string workflowName, string tenantId, object? input, string? localId = null, CancellationToken cancellationToken = default)
    {
        var body = new StartWorkflowRequest(tenantId, localId, input is null ? null : System.Text.Json.JsonSerializer.SerializeToElement(input, PlatformJson.Options));
        using var response = await Worker.PostAsJsonAsync(WorkflowApiRoutes.Start(workflowName), body, PlatformJson.Options, cancellationToken);
        await EnsureSuccessAsync(response, $"start {workflowName}", cancellationToken);
        var started = await response.Content.ReadFromJsonAsync<StartedWorkflow>(PlatformJson.Options, cancellationToken)
            ?? throw new InvalidOperationException($"The worker started {workflowName} but returned no instance id.");
        return started.InstanceId;
    }

    public async Task<WorkflowInstanceStatus?> GetStatusAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        using var response = await Worker.GetAsync(WorkflowApiRoutes.Instance(instanceId), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, $"read {instanceId}", cancellationToken);
        return await response.Content.ReadFromJsonAsync<WorkflowInstanceStatus>(PlatformJson.Options, cancellationToken);
    }

    public async Task<WorkflowInstanceStatus> WaitForCompletionAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        // The worker's API has no long poll: poll with a growing interval.
        var delay = FirstPoll;
        while (true)
        {
            var status = await GetStatusAsync(instanceId, cancellationToken)
                ?? throw new InvalidOperationException($"There is no workflow instance '{instanceId}'.");
            if (status.IsFinished)
            {
                return status;
            }

            await Task.Delay(delay, time, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestPoll.Ticks));
        }
    }

    public async Task RaiseEventAsync(string instanceId, string eventName, object? payload = null, CancellationToken cancellationToken = default)
    {
        using var response = await Worker.PostAsJsonAsync(WorkflowApiRoutes.Event(instanceId, eventName), payload, PlatformJson.Options, cancellationToken);
        await EnsureSuccessAsync(response, $"raise {eventName} on {instanceId}", cancellationToken);
    }

    public async Task TerminateAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default)
    {
        using var response = await Worker.PostAsJsonAsync(WorkflowApiRoutes.Terminate(instanceId), new TerminateWorkflowRequest(reason), PlatformJson.Options, cancellationToken);
        await EnsureSuccessAsync(response, $"terminate {instanceId}", cancellationToken);
    }

    /// <summary>The worker purges its own instances (its workflow-purge job); nothing to do from here.</summary>
    public Task<int> PurgeFinishedAsync(DateTimeOffset finishedBefore, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Finished workflow instances are purged by the app that hosts them (the worker's workflow-purge job).");

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var detail = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"The worker's workflow API could not {what}: {(int)response.StatusCode} {detail}", null, response.StatusCode);
        }
    }
}
