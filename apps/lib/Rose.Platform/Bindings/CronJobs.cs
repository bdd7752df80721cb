namespace Rose.Platform.Bindings;

/// <summary>
/// Every scheduled job, in one place. Each has a <c>components/{name}.yaml</c> cron binding with
/// the same schedule (a test checks).
/// </summary>
public static class CronJobs
{
    /// <summary>Nightly (03:30 UTC), the worker deletes workflow instances that finished longer ago than the retention.</summary>
    public static readonly CronJobDefinition WorkflowPurge = new("workflow-purge", "0 30 3 * * *");

    public static IReadOnlyList<CronJobDefinition> All { get; } = [WorkflowPurge];
}
