namespace Rose.Workflows.Models;

/// <summary>Output of <c>DocumentLoadingWorkflow</c>: what happened to the document.</summary>
/// <param name="Outcome"><c>indexed</c>, <c>unchanged</c>, <c>deleted</c> (removed while loading) or <c>failed</c>.</param>
public sealed record DocumentLoadingResult(string TenantId, string DocumentId, string Outcome, int ChunkCount, string? Error)
{
    public const string Indexed = "indexed";
    public const string Unchanged = "unchanged";
    public const string Deleted = "deleted";
    public const string Failed = "failed";
}
