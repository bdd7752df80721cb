using System.Text.Json;

namespace Rose.Platform.Workflows;

/// <summary>A workflow instance as the scheduler reports it; output and custom status are JSON.</summary>
public sealed record WorkflowInstanceStatus(
    string InstanceId,
    string Name,
    WorkflowRunStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    string? SerializedOutput,
    string? SerializedCustomStatus,
    string? FailureMessage)
{
    public bool IsFinished => Status is WorkflowRunStatus.Completed or WorkflowRunStatus.Failed or WorkflowRunStatus.Terminated;

    public T? ReadOutputAs<T>() => SerializedOutput is null ? default : JsonSerializer.Deserialize<T>(SerializedOutput, PlatformJson.Options);

    public T? ReadCustomStatusAs<T>() => SerializedCustomStatus is null ? default : JsonSerializer.Deserialize<T>(SerializedCustomStatus, PlatformJson.Options);
}
