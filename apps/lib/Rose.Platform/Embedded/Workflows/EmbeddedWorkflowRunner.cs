using System.Collections.Concurrent;
using Dapr.Workflow;
using Dapr.Workflow.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rose.Platform.Workflows;

namespace Rose.Platform.Embedded.Workflows;

/// <summary>
/// Runs the app's <c>Dapr.Workflow</c> classes in this process. Each completed step is journaled in
/// <c>platform.db</c>; at start it resumes the instances a previous process left unfinished, and the
/// replay skips every step already done. Shutting down leaves running instances as they are.
/// </summary>
public sealed class EmbeddedWorkflowRunner(
    WorkflowRegistrations registrations,
    WorkflowJournal journal,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILoggerFactory loggers) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<string, RunningInstance> running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ExternalEventSignal> signals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ExternalEventSignal> statusSignals = new(StringComparer.Ordinal);
    private readonly ILogger logger = loggers.CreateLogger<EmbeddedWorkflowRunner>();

    internal WorkflowJournal Journal => journal;

    internal TimeProvider Time => time;

    internal ILoggerFactory Loggers => loggers;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var instanceId in await journal.UnfinishedRootsAsync(cancellationToken))
        {
            logger.LogInformation("Resuming workflow instance {InstanceId}.", instanceId);
            Launch(instanceId);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await stopping.CancelAsync();
        }
        catch (ObjectDisposedException)
        {
            // A host torn down out of order (a test factory disposing first) already disposed us: nothing runs.
            return;
        }

        try
        {
            await Task.WhenAll(running.Values.Select(r => r.Run)).WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
            // The host stops waiting; the journal keeps what completed.
        }
    }

    public async Task ScheduleAsync(string workflowName, string instanceId, string tenantId, string? input, CancellationToken cancellationToken)
    {
        EnsureRegistered(workflowName);
        await journal.CreateAsync(instanceId, tenantId, workflowName, null, input, cancellationToken);
        Launch(instanceId);
    }

    public async Task RaiseEventAsync(string instanceId, string eventName, string? payload, CancellationToken cancellationToken)
    {
        if (await journal.GetAsync(instanceId, cancellationToken) is not { IsFinished: false })
        {
            throw new InvalidOperationException($"No running workflow instance '{instanceId}' to raise '{eventName}' on.");
        }

        await journal.AddEventAsync(instanceId, eventName, payload, cancellationToken);
        SignalFor(instanceId).Pulse();
    }

    public async Task TerminateAsync(string instanceId, string? reason, CancellationToken cancellationToken)
    {
        await journal.TerminateAsync(instanceId, reason ?? "Terminated.", cancellationToken);
        StatusSignalFor(instanceId).Pulse();
        if (running.TryGetValue(instanceId, out var instance))
        {
            // Children run under their parent's token, so they stop too.
            await instance.Cancellation.CancelAsync();
        }
    }

    public void Dispose()
    {
        stopping.Dispose();
        foreach (var instance in running.Values)
        {
            instance.Cancellation.Dispose();
        }
    }

    internal ExternalEventSignal SignalFor(string instanceId) => signals.GetOrAdd(instanceId, _ => new ExternalEventSignal());

    /// <summary>Pulsed whenever an instance reaches a final status.</summary>
    internal ExternalEventSignal StatusSignalFor(string instanceId) => statusSignals.GetOrAdd(instanceId, _ => new ExternalEventSignal());

    internal async Task<string?> RunActivityAsync(string name, string? input, string instanceId, int sequence)
    {
        if (!registrations.Activities.TryGetValue(name, out var type))
        {
            throw new InvalidOperationException($"No activity named '{name}' is registered: add it in AddRoseWorkflows.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var activity = (IWorkflowActivity)ActivatorUtilities.CreateInstance(scope.ServiceProvider, type);
        var output = await activity.RunAsync(new EmbeddedActivityContext(name, instanceId, sequence), WorkflowValues.Deserialize(input, activity.InputType)!);
        return WorkflowValues.Serialize(output);
    }

    /// <summary>Starts the child, or resumes it when a previous run of the parent already had.</summary>
    internal async Task<WorkflowInstanceRecord> RunChildAsync(WorkflowInstanceRecord parent, string childId, string workflowName, string? input, CancellationToken cancellationToken)
    {
        EnsureRegistered(workflowName);
        if (await journal.GetAsync(childId, cancellationToken) is null)
        {
            await journal.CreateAsync(childId, parent.TenantId, workflowName, parent.InstanceId, input, cancellationToken);
        }

        return await ExecuteAsync(childId, cancellationToken);
    }

    private void Launch(string instanceId)
    {
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
        var instance = new RunningInstance(Task.Run(() => RunAsync(instanceId, cancellation.Token)), cancellation);
        running[instanceId] = instance;
        _ = instance.Run.ContinueWith(
            _ =>
            {
                running.TryRemove(new KeyValuePair<string, RunningInstance>(instanceId, instance));
                cancellation.Dispose();
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async Task RunAsync(string instanceId, CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync(instanceId, cancellationToken);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down (resumed at next start) or terminated (already journaled as such).
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Workflow instance {InstanceId} failed outside its code.", instanceId);
            await journal.SetStatusAsync(instanceId, WorkflowRunStatus.Failed, null, WorkflowFailure.Describe(ex), CancellationToken.None);
            StatusSignalFor(instanceId).Pulse();
        }
    }

    private async Task<WorkflowInstanceRecord> ExecuteAsync(string instanceId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var record = await journal.GetAsync(instanceId, cancellationToken)
                ?? throw new InvalidOperationException($"Workflow instance '{instanceId}' does not exist.");
            if (record.IsFinished)
            {
                return record;
            }

            await journal.SetStatusAsync(instanceId, WorkflowRunStatus.Running, null, null, cancellationToken);
            var history = await journal.HistoryAsync(instanceId, cancellationToken);
            await using var scope = scopes.CreateAsyncScope();
            var workflow = (IWorkflow)ActivatorUtilities.CreateInstance(scope.ServiceProvider, EnsureRegistered(record.Name));
            var context = new EmbeddedWorkflowContext(this, record, history, cancellationToken);
            object? output;
            try
            {
                output = await workflow.RunAsync(context, WorkflowValues.Deserialize(record.Input, workflow.InputType)!);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Workflow instance {InstanceId} failed.", instanceId);
                await journal.SetStatusAsync(instanceId, WorkflowRunStatus.Failed, null, WorkflowFailure.Describe(ex), CancellationToken.None);
                StatusSignalFor(instanceId).Pulse();
                continue;
            }

            if (context.ContinuedAsNew is { } next)
            {
                await journal.RestartAsync(instanceId, WorkflowValues.Serialize(next.NewInput), cancellationToken);
                continue;
            }

            await journal.SetStatusAsync(instanceId, WorkflowRunStatus.Completed, WorkflowValues.Serialize(output) ?? "null", null, CancellationToken.None);
            StatusSignalFor(instanceId).Pulse();
        }
    }

    private Type EnsureRegistered(string workflowName) =>
        registrations.Workflows.TryGetValue(workflowName, out var type)
            ? type
            : throw new InvalidOperationException($"No workflow named '{workflowName}' is registered: add it in AddRoseWorkflows.");

    private sealed record RunningInstance(Task Run, CancellationTokenSource Cancellation);
}
