using System.Text;
using Dapr.DurableTask.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Rose.Testing.Dapr.Mesh;

/// <summary>
/// The workflow engine of one app-id, as daprd's (dapr/dapr <c>pkg/runtime/wfengine</c> on dapr/durabletask-go)
/// drives the app's worker through <c>TaskHubSidecarService</c>:
/// <list type="bullet">
/// <item>each orchestrator turn is a <c>WorkflowRequest</c> whose <c>PastEvents</c> are the committed history
/// and whose <c>NewEvents</c> are an <c>WorkflowStarted</c> (OrchestratorStarted) event followed by the inbox
/// (durabletask-go <c>backend/orchestration.go</c> <c>applyWorkItem</c>, <c>backend/executor.go</c>
/// <c>executeWorkflowAsync</c>); one turn per instance at a time, as the workflow actor serialises them;</item>
/// <item>the actions of the answer are applied as <c>backend/runtimestate/applier.go</c> does: ScheduleTask →
/// <c>TaskScheduled</c> with EventId = action id, then an <c>ActivityRequest</c> with TaskId = that id;
/// CreateTimer → <c>TimerCreated</c>, and at <c>fireAt</c> a <c>TimerFired</c> with TimerId = action id;
/// CompleteWorkflow → <c>ExecutionCompleted</c> (ContinuedAsNew starts a new generation with the carry-over
/// events); SendEvent → <c>EventSent</c> here and <c>EventRaised</c> in the target's inbox;</item>
/// <item>an activity answer becomes <c>TaskCompleted</c>/<c>TaskFailed</c> with TaskScheduledId = TaskId
/// (<c>executor.go</c> <c>activityResponseEvent</c>); answers whose completion token is not the current
/// one are stale and ignored, as <c>executor.go</c> does;</item>
/// <item>work items handed to a stream that closes before answering are offered again when a worker
/// (re)connects, so an app host that is stopped and started again resumes its instances by replay.</item>
/// </list>
/// Instances live in memory for the mesh's lifetime (daprd keeps them in the actor state store); child
/// workflows, cross-app activities and history propagation/signing are not modelled: an instance asking
/// for them fails with <c>ErrorType = "NotModelledByMesh"</c>.
/// </summary>
public sealed class MeshWorkflowEngine
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, WorkflowInstanceRecord> instances = new(StringComparer.Ordinal);
    private readonly List<WorkItemStream> streams = [];
    private readonly TimeProvider clock;
    private readonly CancellationToken stopping;
    private int nextStream;

    internal MeshWorkflowEngine(string appId, TimeProvider clock, CancellationToken stopping)
    {
        AppId = appId;
        this.clock = clock;
        this.stopping = stopping;
    }

    public string AppId { get; }

    /// <summary>How many <c>GetWorkItems</c> streams (workers) are open now.</summary>
    public int ConnectedWorkers
    {
        get
        {
            lock (gate)
            {
                return streams.Count;
            }
        }
    }

    public IReadOnlyList<WorkflowInstanceRecord> Instances
    {
        get
        {
            lock (gate)
            {
                return [.. instances.Values];
            }
        }
    }

    public WorkflowInstanceRecord? Find(string instanceId)
    {
        lock (gate)
        {
            return instances.GetValueOrDefault(instanceId);
        }
    }

    /// <summary>Waits, at most <paramref name="timeout"/>, until the instance reached a terminal status.</summary>
    public async Task<WorkflowInstanceRecord> WaitForCompletionAsync(string instanceId, TimeSpan timeout)
    {
        await Eventually.UntilAsync(() => Find(instanceId)?.IsTerminal == true, timeout, $"workflow '{instanceId}' of '{AppId}' to complete");
        return Find(instanceId)!;
    }

    /// <summary>Waits, at most <paramref name="timeout"/>, until <paramref name="count"/> workers have their stream open.</summary>
    public Task WaitForWorkersAsync(int count, TimeSpan timeout) =>
        Eventually.UntilAsync(() => ConnectedWorkers >= count, timeout, $"{count} workflow worker(s) of '{AppId}' to connect");

    internal WorkItemStream Connect(string replicaId)
    {
        var stream = new WorkItemStream(replicaId);
        lock (gate)
        {
            streams.Add(stream);
            foreach (var record in instances.Values)
            {
                Dispatch(record);
            }
        }

        return stream;
    }

    /// <summary>A closed stream's unanswered work goes back to be offered to the next worker.</summary>
    internal void Disconnect(WorkItemStream stream)
    {
        lock (gate)
        {
            streams.Remove(stream);
            stream.Items.Writer.TryComplete();
            foreach (var record in instances.Values)
            {
                if (record.InFlight is { } turn && turn.Stream == stream)
                {
                    record.InFlight = null;
                    record.Inbox.InsertRange(0, turn.NewEvents.Where(e => e.EventTypeCase != HistoryEvent.EventTypeOneofCase.WorkflowStarted));
                }

                foreach (var activity in record.Activities.Values.Where(a => a.Stream == stream))
                {
                    activity.Stream = null;
                    activity.Token = null;
                }
            }

            foreach (var record in instances.Values)
            {
                Dispatch(record);
            }
        }
    }

    internal void CloseAllStreams()
    {
        lock (gate)
        {
            foreach (var stream in streams)
            {
                stream.Items.Writer.TryComplete();
            }
        }
    }

    internal string Start(CreateInstanceRequest request)
    {
        var instanceId = string.IsNullOrEmpty(request.InstanceId) ? Guid.NewGuid().ToString() : request.InstanceId;
        var now = clock.GetUtcNow();
        lock (gate)
        {
            if (instances.TryGetValue(instanceId, out var existing) && !existing.IsTerminal)
            {
                throw new RpcException(new Status(StatusCode.AlreadyExists, $"an active workflow with ID '{instanceId}' already exists"));
            }

            var executionId = string.IsNullOrEmpty(request.ExecutionId) ? Guid.NewGuid().ToString() : request.ExecutionId;
            var record = new WorkflowInstanceRecord(instanceId, request.Name, request.Input, now, executionId);
            var started = new ExecutionStartedEvent
            {
                Name = request.Name,
                Version = request.Version,
                Input = request.Input,
                WorkflowInstance = new WorkflowInstance { InstanceId = instanceId, ExecutionId = executionId },
                ScheduledStartTimestamp = request.ScheduledStartTimestamp,
                ParentTraceContext = request.ParentTraceContext,
            };
            started.Tags.Add(request.Tags);
            record.Inbox.Add(Event(now, e => e.ExecutionStarted = started));
            if (request.ScheduledStartTimestamp?.ToDateTimeOffset() is { } at && at > now)
            {
                record.NotBefore = at;
                _ = WakeAtAsync(at, () => Dispatch(record));
            }

            instances[instanceId] = record;
            Dispatch(record);
        }

        return instanceId;
    }

    internal void Raise(RaiseEventRequest request) =>
        AddToInbox(request.InstanceId, now => Event(now, e => e.EventRaised = new EventRaisedEvent { Name = request.Name, Input = request.Input }));

    internal void Terminate(TerminateRequest request) =>
        AddToInbox(request.InstanceId, now => Event(now, e => e.ExecutionTerminated = new ExecutionTerminatedEvent { Input = request.Output, Recurse = request.Recursive }));

    internal void Suspend(SuspendRequest request) =>
        AddToInbox(request.InstanceId, now => Event(now, e => e.ExecutionSuspended = new ExecutionSuspendedEvent { Input = request.Reason }));

    internal void Resume(ResumeRequest request) =>
        AddToInbox(request.InstanceId, now => Event(now, e => e.ExecutionResumed = new ExecutionResumedEvent { Input = request.Reason }));

    internal int Purge(string instanceId, bool force)
    {
        lock (gate)
        {
            if (!instances.TryGetValue(instanceId, out var record))
            {
                return 0;
            }

            if (!record.IsTerminal && !force)
            {
                throw new RpcException(new Status(StatusCode.FailedPrecondition, $"cannot purge workflow '{instanceId}' because it is still running"));
            }

            instances.Remove(instanceId);
            return 1;
        }
    }

    internal ListInstanceIDsResponse List(ListInstanceIDsRequest request)
    {
        lock (gate)
        {
            var ordered = instances.Values.OrderBy(r => r.CreatedAt).ThenBy(r => r.InstanceId, StringComparer.Ordinal).ToList();
            var start = request.HasContinuationToken && int.TryParse(request.ContinuationToken, out var token) ? token : 0;
            var size = request.HasPageSize && request.PageSize > 0 ? (int)request.PageSize : 100;
            var response = new ListInstanceIDsResponse();
            response.InstanceIds.AddRange(ordered.Skip(start).Take(size).Select(r => r.InstanceId));
            if (start + size < ordered.Count)
            {
                response.ContinuationToken = (start + size).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return response;
        }
    }

    internal GetInstanceResponse Describe(string instanceId, bool withInputsAndOutputs)
    {
        lock (gate)
        {
            if (!instances.TryGetValue(instanceId, out var record))
            {
                return new GetInstanceResponse { Exists = false };
            }

            // durabletask-go backend/executor.go createGetInstanceResponse.
            var state = new WorkflowState
            {
                InstanceId = record.InstanceId,
                Name = record.Name,
                WorkflowStatus = record.Status,
                CreatedTimestamp = Timestamp.FromDateTimeOffset(record.CreatedAt),
                LastUpdatedTimestamp = Timestamp.FromDateTimeOffset(record.LastUpdatedAt),
                ExecutionId = record.ExecutionId,
            };
            if (record.CompletedAt is { } completed)
            {
                state.CompletedTimestamp = Timestamp.FromDateTimeOffset(completed);
            }

            if (withInputsAndOutputs)
            {
                state.Input = record.Input;
                state.Output = record.Output;
                state.CustomStatus = record.CustomStatus;
                state.FailureDetails = record.FailureDetails;
            }

            return new GetInstanceResponse { Exists = true, WorkflowState = state };
        }
    }

    internal GetInstanceHistoryResponse HistoryOf(string instanceId)
    {
        var record = Find(instanceId) ?? throw new RpcException(new Status(StatusCode.NotFound, $"no such instance exists: {instanceId}"));
        var response = new GetInstanceHistoryResponse();
        response.Events.AddRange(record.History);
        return response;
    }

    internal void CompleteOrchestration(WorkflowResponse response)
    {
        lock (gate)
        {
            var record = instances.GetValueOrDefault(response.InstanceId)
                ?? throw new RpcException(new Status(StatusCode.NotFound, $"no such instance exists: {response.InstanceId}"));
            if (record.InFlight is not { } turn || (response.CompletionToken.Length > 0 && response.CompletionToken != turn.Token))
            {
                return; // a stale answer of a superseded dispatch (executor.go discards it)
            }

            var now = clock.GetUtcNow();
            record.InFlight = null;
            lock (record.Events)
            {
                record.Events.AddRange(turn.NewEvents);
            }

            if (record.Status == OrchestrationStatus.Pending)
            {
                record.Status = OrchestrationStatus.Running;
            }

            foreach (var e in turn.NewEvents)
            {
                if (e.EventTypeCase == HistoryEvent.EventTypeOneofCase.ExecutionSuspended)
                {
                    record.Status = OrchestrationStatus.Suspended;
                }
                else if (e.EventTypeCase == HistoryEvent.EventTypeOneofCase.ExecutionResumed && record.Status == OrchestrationStatus.Suspended)
                {
                    record.Status = OrchestrationStatus.Running;
                }
            }

            record.CustomStatus = string.IsNullOrEmpty(response.CustomStatus) ? record.CustomStatus : response.CustomStatus;
            record.Turns++;
            Apply(record, response.Actions, now);

            // backend/orchestration.go forceTermination: a terminate the worker did not honour still ends the instance.
            if (!record.IsTerminal && turn.NewEvents.FirstOrDefault(e => e.ExecutionTerminated is not null) is { } terminated)
            {
                Complete(record, -1, OrchestrationStatus.Terminated, terminated.ExecutionTerminated.Input, null, now);
            }

            record.LastUpdatedAt = now;
            Dispatch(record);
        }
    }

    internal void CompleteActivity(ActivityResponse response)
    {
        lock (gate)
        {
            if (!instances.TryGetValue(response.InstanceId, out var record)
                || !record.Activities.TryGetValue(response.TaskId, out var activity)
                || (response.CompletionToken.Length > 0 && response.CompletionToken != activity.Token))
            {
                return; // stale, or the instance is gone
            }

            record.Activities.Remove(response.TaskId);
            var now = clock.GetUtcNow();
            var task = activity.Scheduled.TaskScheduled;
            var failed = response.FailureDetails is not null;
            record.Inbox.Add(failed
                ? Event(now, e => e.TaskFailed = new TaskFailedEvent { TaskScheduledId = response.TaskId, TaskExecutionId = task.TaskExecutionId, FailureDetails = response.FailureDetails }, activity.Scheduled.Router)
                : Event(now, e => e.TaskCompleted = new TaskCompletedEvent { TaskScheduledId = response.TaskId, TaskExecutionId = task.TaskExecutionId, Result = response.Result }, activity.Scheduled.Router));
            lock (record.Payloads)
            {
                var index = record.Payloads.FindIndex(p => p.TaskId == response.TaskId && p.OutputBytes is null);
                if (index >= 0)
                {
                    var output = failed ? response.FailureDetails!.ErrorMessage : response.Result;
                    record.Payloads[index] = record.Payloads[index] with { OutputBytes = Encoding.UTF8.GetByteCount(output ?? string.Empty), Failed = failed };
                }
            }

            Dispatch(record);
        }
    }

    private void Apply(WorkflowInstanceRecord record, IEnumerable<WorkflowAction> actions, DateTimeOffset now)
    {
        var router = new TaskRouter { SourceAppID = AppId };
        foreach (var action in actions)
        {
            if (record.IsTerminal)
            {
                return; // a completion applied in this pass wins (applier.go)
            }

            switch (action.WorkflowActionTypeCase)
            {
                case WorkflowAction.WorkflowActionTypeOneofCase.ScheduleTask:
                    var schedule = action.ScheduleTask;
                    if (schedule.Router is { HasTargetAppID: true } target && target.TargetAppID != AppId)
                    {
                        NotModelled(record, $"an activity on another app-id ('{target.TargetAppID}')", now);
                        return;
                    }

                    var scheduled = Event(now, e => e.TaskScheduled = new TaskScheduledEvent
                    {
                        Name = schedule.Name,
                        Version = schedule.Version,
                        Input = schedule.Input,
                        TaskExecutionId = schedule.TaskExecutionId,
                    }, router);
                    scheduled.EventId = action.Id;
                    AddHistory(record, scheduled);
                    record.Activities[action.Id] = new ScheduledActivity(scheduled);
                    lock (record.Payloads)
                    {
                        record.Payloads.Add(new ActivityPayload(record.InstanceId, schedule.Name, action.Id, Encoding.UTF8.GetByteCount(schedule.Input ?? string.Empty), null));
                    }

                    break;

                case WorkflowAction.WorkflowActionTypeOneofCase.CreateTimer:
                    var timer = action.CreateTimer;
                    var created = new TimerCreatedEvent { FireAt = timer.FireAt };
                    if (timer.HasName)
                    {
                        created.Name = timer.Name;
                    }

                    switch (timer.OriginCase)
                    {
                        case CreateTimerAction.OriginOneofCase.CreateTimer: created.CreateTimer = timer.CreateTimer; break;
                        case CreateTimerAction.OriginOneofCase.ExternalEvent: created.ExternalEvent = timer.ExternalEvent; break;
                        case CreateTimerAction.OriginOneofCase.ActivityRetry: created.ActivityRetry = timer.ActivityRetry; break;
                        case CreateTimerAction.OriginOneofCase.ChildWorkflowRetry: created.ChildWorkflowRetry = timer.ChildWorkflowRetry; break;
                        default: break;
                    }

                    var timerEvent = Event(now, e => e.TimerCreated = created, router);
                    timerEvent.EventId = action.Id;
                    AddHistory(record, timerEvent);
                    var timerId = action.Id;
                    var fireAt = timer.FireAt.ToDateTimeOffset();
                    var generation = record.ExecutionId;
                    _ = WakeAtAsync(fireAt, () =>
                    {
                        if (!record.IsTerminal && record.ExecutionId == generation && instances.ContainsKey(record.InstanceId))
                        {
                            record.Inbox.Add(Event(clock.GetUtcNow(), e => e.TimerFired = new TimerFiredEvent { TimerId = timerId, FireAt = timer.FireAt }));
                            Dispatch(record);
                        }
                    });
                    break;

                case WorkflowAction.WorkflowActionTypeOneofCase.CompleteWorkflow:
                    var complete = action.CompleteWorkflow;
                    if (complete.WorkflowStatus == OrchestrationStatus.ContinuedAsNew)
                    {
                        ContinueAsNew(record, complete, now);
                        return;
                    }

                    Complete(record, action.Id, complete.WorkflowStatus, complete.Result, complete.FailureDetails, now);
                    break;

                case WorkflowAction.WorkflowActionTypeOneofCase.SendEvent:
                    var send = action.SendEvent;
                    var sent = Event(now, e => e.EventSent = new EventSentEvent { InstanceId = send.Instance.InstanceId, Name = send.Name, Input = send.Data }, router);
                    sent.EventId = action.Id;
                    AddHistory(record, sent);
                    if (instances.TryGetValue(send.Instance.InstanceId, out var targetRecord))
                    {
                        targetRecord.Inbox.Add(Event(now, e => e.EventRaised = new EventRaisedEvent { Name = send.Name, Input = send.Data }));
                        if (targetRecord != record)
                        {
                            Dispatch(targetRecord);
                        }
                    }

                    break;

                default:
                    NotModelled(record, action.WorkflowActionTypeCase.ToString(), now);
                    return;
            }
        }
    }

    private void ContinueAsNew(WorkflowInstanceRecord record, CompleteWorkflowAction complete, DateTimeOffset now)
    {
        var started = record.History.FirstOrDefault(e => e.ExecutionStarted is not null)?.ExecutionStarted;
        record.ExecutionId = Guid.NewGuid().ToString();
        lock (record.Events)
        {
            record.Events.Clear();
        }

        record.Activities.Clear();
        record.Inbox.Clear();
        record.Inbox.Add(Event(now, e => e.ExecutionStarted = new ExecutionStartedEvent
        {
            Name = started?.Name ?? record.Name,
            Input = complete.Result,
            WorkflowInstance = new WorkflowInstance { InstanceId = record.InstanceId, ExecutionId = record.ExecutionId },
        }));
        record.Inbox.AddRange(complete.CarryoverEvents);
        record.Status = OrchestrationStatus.Running;
    }

    private void Complete(WorkflowInstanceRecord record, int eventId, OrchestrationStatus status, string? result, TaskFailureDetails? failure, DateTimeOffset now)
    {
        var completed = Event(now, e => e.ExecutionCompleted = new ExecutionCompletedEvent { WorkflowStatus = status, Result = result, FailureDetails = failure }, new TaskRouter { SourceAppID = AppId });
        completed.EventId = eventId;
        AddHistory(record, completed);
        record.Status = status;
        record.Output = result;
        record.FailureDetails = failure;
        record.CompletedAt = now;
        record.Activities.Clear();
        record.Inbox.Clear();
    }

    private void NotModelled(WorkflowInstanceRecord record, string what, DateTimeOffset now) =>
        Complete(record, -1, OrchestrationStatus.Failed, null, new TaskFailureDetails
        {
            ErrorType = "NotModelledByMesh",
            ErrorMessage = $"The Dapr test mesh does not model {what}.",
            IsNonRetriable = true,
        }, now);

    private void AddToInbox(string instanceId, Func<DateTimeOffset, HistoryEvent> create)
    {
        lock (gate)
        {
            var record = instances.GetValueOrDefault(instanceId)
                ?? throw new RpcException(new Status(StatusCode.NotFound, $"no such instance exists: {instanceId}"));
            if (record.IsTerminal)
            {
                return; // orchestration.go: "workflow already completed; dropping work item"
            }

            record.Inbox.Add(create(clock.GetUtcNow()));
            Dispatch(record);
        }
    }

    /// <summary>Hands out what can go now: one orchestrator turn when none is in flight, and every activity waiting for a worker.</summary>
    private void Dispatch(WorkflowInstanceRecord record)
    {
        if (record.IsTerminal)
        {
            record.Inbox.Clear();
            return;
        }

        var now = clock.GetUtcNow();
        var suspendedWithoutWakeUp = record.Status == OrchestrationStatus.Suspended
            && !record.Inbox.Any(e => e.ExecutionResumed is not null || e.ExecutionTerminated is not null);
        if (record.InFlight is null && record.Inbox.Count > 0 && !suspendedWithoutWakeUp && (record.NotBefore is null || record.NotBefore <= now)
            && NextStream() is { } stream)
        {
            var newEvents = new List<HistoryEvent> { Event(now, e => e.WorkflowStarted = new WorkflowStartedEvent()) };
            newEvents.AddRange(record.Inbox);
            record.Inbox.Clear();
            var request = new WorkflowRequest { InstanceId = record.InstanceId, ExecutionId = record.ExecutionId };
            request.PastEvents.AddRange(record.History);
            request.NewEvents.AddRange(newEvents);
            var item = new WorkItem { WorkflowRequest = request, CompletionToken = Guid.NewGuid().ToString() };
            record.InFlight = new OrchestratorTurn(item.CompletionToken, stream, newEvents);
            lock (record.RequestSizes)
            {
                record.RequestSizes.Add(item.CalculateSize());
            }

            stream.Items.Writer.TryWrite(item);
        }

        foreach (var activity in record.Activities.Values.Where(a => a.Token is null))
        {
            if (NextStream() is not { } activityStream)
            {
                break;
            }

            var task = activity.Scheduled.TaskScheduled;
            var item = new WorkItem
            {
                ActivityRequest = new ActivityRequest
                {
                    Name = task.Name,
                    Version = task.Version,
                    Input = task.Input,
                    WorkflowInstance = new WorkflowInstance { InstanceId = record.InstanceId },
                    TaskId = activity.Scheduled.EventId,
                    TaskExecutionId = task.TaskExecutionId,
                    ParentTraceContext = task.ParentTraceContext,
                },
                CompletionToken = Guid.NewGuid().ToString(),
            };
            activity.Token = item.CompletionToken;
            activity.Stream = activityStream;
            activityStream.Items.Writer.TryWrite(item);
        }
    }

    private WorkItemStream? NextStream()
    {
        if (streams.Count == 0)
        {
            return null;
        }

        nextStream = (nextStream + 1) % streams.Count;
        return streams[nextStream];
    }

    private async Task WakeAtAsync(DateTimeOffset at, Action action)
    {
        try
        {
            // A timer never fires before its fireAt: Task.Delay may wake a little early, so wait out the rest.
            for (var delay = at - clock.GetUtcNow(); delay > TimeSpan.Zero; delay = at - clock.GetUtcNow())
            {
                await Task.Delay(delay + TimeSpan.FromMilliseconds(1), clock, stopping);
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }

        lock (gate)
        {
            action();
        }
    }

    private static void AddHistory(WorkflowInstanceRecord record, HistoryEvent e)
    {
        lock (record.Events)
        {
            record.Events.Add(e);
        }
    }

    private static HistoryEvent Event(DateTimeOffset now, Action<HistoryEvent> set, TaskRouter? router = null)
    {
        var e = new HistoryEvent { EventId = -1, Timestamp = Timestamp.FromDateTimeOffset(now) };
        set(e);
        if (router is not null)
        {
            e.Router = router.Clone();
        }

        return e;
    }
}
