using Rose.Platform;
using Rose.Platform.Bindings;

namespace Rose.Crm.HubSpot.Jobs;

/// <summary>The HubSpot integration's scheduled jobs; each has a <c>components/{name}.yaml</c> cron binding scoped to the app that runs it (a test checks).</summary>
public static class HubSpotJobs
{
    /// <summary>Every 15 minutes, the worker reads the contacts HubSpot changed since the last run and replays failed pushes.</summary>
    public static readonly CronJobDefinition IncrementalSync = new("hubspot-incremental-sync", "0 */15 * * * *", AppIds.Worker);
}
