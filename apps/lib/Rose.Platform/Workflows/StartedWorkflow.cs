namespace Rose.Platform.Workflows;

/// <summary>Answer of <c>POST /workflows/v1/{name}/instances</c>.</summary>
public sealed record StartedWorkflow(string InstanceId);
