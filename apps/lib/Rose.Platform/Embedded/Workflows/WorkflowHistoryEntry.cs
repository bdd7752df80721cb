namespace Rose.Platform.Embedded.Workflows;

/// <summary>
/// One completed step of an instance (activity, timer, external event, child workflow, sent
/// event), by its position in the workflow's deterministic sequence of calls. Replaying an instance
/// answers each call from here instead of doing the work again.
/// </summary>
public sealed record WorkflowHistoryEntry(int Sequence, string Kind, string Name, string? Result, string? Failure, DateTimeOffset CompletedAt);
