using System.Security.Cryptography;
using System.Text;
using Dapr.Workflow;
using Microsoft.Extensions.Logging;
using Rose.Platform.Workflows;

namespace Rose.Platform.Embedded.Workflows;

/// <summary>
/// The <see cref="WorkflowContext"/> the embedded runner hands to a <c>Workflow&lt;,&gt;</c>. Like Dapr,
/// it replays: every call the workflow makes gets the next number in a deterministic sequence, and a
/// call whose number is in the journal is answered from there (activities are not run again); the
/// first call that is not goes live and is journaled when it completes.
/// </summary>
internal sealed class EmbeddedWorkflowContext(
    EmbeddedWorkflowRunner runner,
    WorkflowInstanceRecord instance,
    IReadOnlyDictionary<int, WorkflowHistoryEntry> history,
    CancellationToken instanceToken) : WorkflowContext
{
    private int lastSequence = -1;
    private int guids;
    private DateTime replayTime = instance.CreatedAt.UtcDateTime;
    private volatile bool replaying = history.Count > 0;

    public override string Name => instance.Name;

    public override string InstanceId => instance.InstanceId;

    public override DateTime CurrentUtcDateTime => replaying ? replayTime : runner.Time.GetUtcNow().UtcDateTime;

    public override bool IsReplaying => replaying;

    public ContinueAsNewRequest? ContinuedAsNew { get; private set; }

    public override bool IsPatched(string patchName) => true;

    public override async Task<T> CallActivityAsync<T>(string name, object? input = null, WorkflowTaskOptions? options = null)
    {
        var sequence = NextSequence();
        if (TryReplay(sequence, WorkflowStepKinds.Activity, name, out var done))
        {
            return ResultOf<T>(done, $"Activity '{name}'");
        }

        var inputJson = WorkflowValues.Serialize(input);
        var policy = options?.RetryPolicy;
        var maxAttempts = Math.Max(1, policy?.MaxNumberOfAttempts ?? 1);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await runner.RunActivityAsync(name, inputJson, InstanceId, sequence).WaitAsync(instanceToken);
                await runner.Journal.RecordAsync(InstanceId, sequence, WorkflowStepKinds.Activity, name, result, null, CancellationToken.None);
                return WorkflowValues.Deserialize<T>(result);
            }
            catch (Exception ex) when (!instanceToken.IsCancellationRequested)
            {
                if (attempt >= maxAttempts)
                {
                    var failure = WorkflowFailure.Describe(ex);
                    await runner.Journal.RecordAsync(InstanceId, sequence, WorkflowStepKinds.Activity, name, null, failure, CancellationToken.None);
                    throw WorkflowFailure.ToException($"Activity '{name}'", failure);
                }

                await Task.Delay(RetryDelay(policy!, attempt), runner.Time, instanceToken);
            }
        }
    }

    public override async Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var sequence = NextSequence();
        if (TryReplay(sequence, WorkflowStepKinds.Timer, nameof(CreateTimer), out _))
        {
            return;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, instanceToken);
        var due = fireAt.Kind == DateTimeKind.Local ? fireAt.ToUniversalTime() : DateTime.SpecifyKind(fireAt, DateTimeKind.Utc);
        await Delays.UntilAsync(new DateTimeOffset(due, TimeSpan.Zero), runner.Time, linked.Token);

        await runner.Journal.RecordAsync(InstanceId, sequence, WorkflowStepKinds.Timer, nameof(CreateTimer), WorkflowValues.Serialize(due), null, CancellationToken.None);
    }

    /// <summary>Honours <paramref name="cancellationToken"/>: the timeout overload cancels it when its timer wins.</summary>
    public override async Task<T> WaitForExternalEventAsync<T>(string eventName, CancellationToken cancellationToken = default)
    {
        var sequence = NextSequence();
        if (TryReplay(sequence, WorkflowStepKinds.ExternalEvent, eventName, out var done))
        {
            return WorkflowValues.Deserialize<T>(done.Result);
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, instanceToken);
        while (true)
        {
            var arrival = runner.SignalFor(InstanceId).Next;
            var consumed = await runner.Journal.ConsumeEventAsync(InstanceId, eventName, sequence, linked.Token);
            if (consumed is not null)
            {
                return WorkflowValues.Deserialize<T>(consumed.Result);
            }

            await arrival.WaitAsync(linked.Token);
        }
    }

    public override void SendEvent(string instanceId, string eventName, object payload)
    {
        var sequence = NextSequence();
        if (TryReplay(sequence, WorkflowStepKinds.SentEvent, eventName, out _))
        {
            return;
        }

        // SendEvent is synchronous in Dapr's API; the two local writes are short.
        runner.RaiseEventAsync(instanceId, eventName, WorkflowValues.Serialize(payload), CancellationToken.None).GetAwaiter().GetResult();
        runner.Journal.RecordAsync(InstanceId, sequence, WorkflowStepKinds.SentEvent, eventName, null, null, CancellationToken.None).GetAwaiter().GetResult();
    }

    public override void SetCustomStatus(object? customStatus) =>
        runner.Journal.SetCustomStatus(InstanceId, WorkflowValues.Serialize(customStatus));

    public override async Task<TResult> CallChildWorkflowAsync<TResult>(string workflowName, object? input = null, ChildWorkflowTaskOptions? options = null)
    {
        var sequence = NextSequence();
        if (TryReplay(sequence, WorkflowStepKinds.ChildWorkflow, workflowName, out var done))
        {
            return ResultOf<TResult>(done, $"Child workflow '{workflowName}'");
        }

        // Deterministic, so that a resumed parent finds (and resumes) the child it started before.
        var childId = options?.InstanceId ?? $"{InstanceId}-{sequence}";
        var child = await runner.RunChildAsync(instance, childId, workflowName, WorkflowValues.Serialize(input), instanceToken);
        if (child.Status == WorkflowRunStatus.Completed)
        {
            await runner.Journal.RecordAsync(InstanceId, sequence, WorkflowStepKinds.ChildWorkflow, workflowName, child.Output, null, CancellationToken.None);
            return WorkflowValues.Deserialize<TResult>(child.Output);
        }

        var failure = child.Failure is { } json && json.StartsWith('{')
            ? json
            : WorkflowFailure.Describe(new InvalidOperationException($"Child workflow '{childId}' ended {child.Status}: {child.Failure}"));
        await runner.Journal.RecordAsync(InstanceId, sequence, WorkflowStepKinds.ChildWorkflow, workflowName, null, failure, CancellationToken.None);
        throw WorkflowFailure.ToException($"Child workflow '{workflowName}'", failure);
    }

    public override ILogger CreateReplaySafeLogger(string categoryName) =>
        new ReplaySafeLogger(runner.Loggers.CreateLogger(categoryName), () => IsReplaying);

    public override ILogger CreateReplaySafeLogger(Type type) =>
        new ReplaySafeLogger(runner.Loggers.CreateLogger(type), () => IsReplaying);

    public override ILogger CreateReplaySafeLogger<T>() =>
        new ReplaySafeLogger(runner.Loggers.CreateLogger<T>(), () => IsReplaying);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        ContinuedAsNew = new ContinueAsNewRequest(newInput);

    /// <summary>The same Guid on every replay: derived from the instance id and a counter.</summary>
    public override Guid NewGuid()
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{InstanceId}/{Interlocked.Increment(ref guids)}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    public override PropagatedHistory GetPropagatedHistory() => new([]);

    private static TimeSpan RetryDelay(WorkflowRetryPolicy policy, int failedAttempts)
    {
        var delay = policy.FirstRetryInterval * Math.Pow(policy.BackoffCoefficient, failedAttempts - 1);
        return policy.MaxRetryInterval is { } max && delay > max ? max : delay;
    }

    private static T ResultOf<T>(WorkflowHistoryEntry entry, string what) =>
        entry.Failure is { } failure ? throw WorkflowFailure.ToException(what, failure) : WorkflowValues.Deserialize<T>(entry.Result);

    private int NextSequence() => Interlocked.Increment(ref lastSequence);

    private bool TryReplay(int sequence, string kind, string name, out WorkflowHistoryEntry entry)
    {
        if (!history.TryGetValue(sequence, out entry!))
        {
            replaying = false;
            return false;
        }

        if (entry.Kind != kind || entry.Name != name)
        {
            throw new InvalidOperationException(
                $"Workflow '{Name}' is not deterministic: step {sequence} was {entry.Kind} '{entry.Name}' and is now {kind} '{name}'.");
        }

        replayTime = entry.CompletedAt.UtcDateTime;
        return true;
    }
}
