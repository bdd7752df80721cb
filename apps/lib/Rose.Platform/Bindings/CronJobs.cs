namespace Rose.Platform.Bindings;

/// <summary>The platform's own scheduled jobs; modules declare theirs next to their jobs.</summary>
public static class CronJobs
{
    /// <summary>Nightly (03:30 UTC), the worker deletes workflow instances that finished longer ago than the retention.</summary>
    public static readonly CronJobDefinition WorkflowPurge = new("workflow-purge", "0 30 3 * * *", AppIds.Worker);
}
