using Rose.Platform.Workflows;

namespace Rose.Platform.Embedded.Workflows;

/// <summary>A row of <c>workflow_instances</c>.</summary>
public sealed record WorkflowInstanceRecord(
    string InstanceId,
    string TenantId,
    string Name,
    string? ParentInstanceId,
    WorkflowRunStatus Status,
    string? Input,
    string? Output,
    string? CustomStatus,
    string? Failure,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public bool IsFinished => Status is WorkflowRunStatus.Completed or WorkflowRunStatus.Failed or WorkflowRunStatus.Terminated;

    public WorkflowInstanceStatus ToStatus() => new(InstanceId, Name, Status, CreatedAt, UpdatedAt, Output, CustomStatus, Failure);
}
