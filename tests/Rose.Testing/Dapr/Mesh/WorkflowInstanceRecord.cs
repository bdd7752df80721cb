using Dapr.DurableTask.Protobuf;
using Google.Protobuf;

namespace Rose.Testing.Dapr.Mesh;

/// <summary>
/// One workflow instance as the mesh's engine keeps it (what durabletask-go calls its runtime state):
/// the committed history, the inbox of events not yet shown to the worker, the turn in flight and the
/// activities scheduled. Read it in tests; the engine alone changes it, under its lock.
/// </summary>
public sealed class WorkflowInstanceRecord
{
    internal WorkflowInstanceRecord(string instanceId, string name, string? input, DateTimeOffset createdAt, string executionId)
    {
        InstanceId = instanceId;
        Name = name;
        Input = input;
        CreatedAt = createdAt;
        LastUpdatedAt = createdAt;
        ExecutionId = executionId;
    }

    public string InstanceId { get; }

    public string Name { get; }

    public string? Input { get; }

    public string ExecutionId { get; internal set; }

    public OrchestrationStatus Status { get; internal set; } = OrchestrationStatus.Pending;

    public string? Output { get; internal set; }

    public string? CustomStatus { get; internal set; }

    public TaskFailureDetails? FailureDetails { get; internal set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset LastUpdatedAt { get; internal set; }

    public DateTimeOffset? CompletedAt { get; internal set; }

    /// <summary>How many orchestrator turns the worker completed (each one a full replay of the history).</summary>
    public int Turns { get; internal set; }

    /// <summary>A copy of the committed history, oldest first.</summary>
    public IReadOnlyList<HistoryEvent> History
    {
        get
        {
            lock (Events)
            {
                return [.. Events];
            }
        }
    }

    /// <summary>The serialized size of the committed history (what daprd stores for the instance).</summary>
    public int HistoryBytes
    {
        get
        {
            lock (Events)
            {
                var response = new GetInstanceHistoryResponse();
                response.Events.AddRange(Events);
                return response.CalculateSize();
            }
        }
    }

    /// <summary>The serialized size of every orchestrator work item sent (past + new events), in order.</summary>
    public IReadOnlyList<int> OrchestratorRequestBytes
    {
        get
        {
            lock (RequestSizes)
            {
                return [.. RequestSizes];
            }
        }
    }

    /// <summary>Every activity's input and output size, in scheduling order.</summary>
    public IReadOnlyList<ActivityPayload> ActivityPayloads
    {
        get
        {
            lock (Payloads)
            {
                return [.. Payloads];
            }
        }
    }

    public bool IsTerminal => IsTerminalStatus(Status);

    internal List<HistoryEvent> Events { get; } = [];

    internal List<HistoryEvent> Inbox { get; } = [];

    internal List<int> RequestSizes { get; } = [];

    internal List<ActivityPayload> Payloads { get; } = [];

    internal Dictionary<int, ScheduledActivity> Activities { get; } = [];

    internal OrchestratorTurn? InFlight { get; set; }

    internal DateTimeOffset? NotBefore { get; set; }

    internal static bool IsTerminalStatus(OrchestrationStatus status) =>
        status is OrchestrationStatus.Completed or OrchestrationStatus.Failed or OrchestrationStatus.Terminated or OrchestrationStatus.Canceled;
}
