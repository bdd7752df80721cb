namespace Rose.Platform.Workflows;

/// <summary>Where a workflow instance stands; the subset of Dapr's runtime statuses Rose uses.</summary>
public enum WorkflowRunStatus
{
    Unknown,
    Pending,
    Running,
    Completed,
    Failed,
    Terminated,
    Suspended,
}
