using Rose.Platform;
using Rose.Platform.Bindings;

namespace Rose.Tagging.Jobs;

/// <summary>Rose.Tagging's scheduled jobs; each has a <c>components/{name}.yaml</c> cron binding scoped to the app that runs it (a test checks).</summary>
public static class TaggingJobs
{
    /// <summary>Hourly, the worker tags ended conversations that have no tagging of the current label set, and lets older scores decay.</summary>
    public static readonly CronJobDefinition Retag = new("conversation-retag", "0 20 * * * *", AppIds.Worker);

    /// <summary>Nightly (03:45 UTC), the worker removes the visitor data of tenants with a retention period that is older than it.</summary>
    public static readonly CronJobDefinition VisitorDataRetention = new("visitor-data-retention", "0 45 3 * * *", AppIds.Worker);
}
