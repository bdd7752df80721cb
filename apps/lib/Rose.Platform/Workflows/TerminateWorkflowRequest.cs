namespace Rose.Platform.Workflows;

/// <summary>Body of <c>POST /workflows/v1/instances/{id}/terminate</c>.</summary>
public sealed record TerminateWorkflowRequest(string? Reason);
