using Rose.Platform;
using Rose.Platform.Bindings;

namespace Rose.Geo.Jobs;

/// <summary>Rose.Geo's scheduled jobs; each has a <c>components/{name}.yaml</c> cron binding scoped to the app that runs it (a test checks).</summary>
public static class GeoJobs
{
    /// <summary>Mondays at 03:30 UTC the worker starts a GEO run for every tenant that has none unfinished.</summary>
    public static readonly CronJobDefinition WeeklyRun = new("geo-weekly-run", "0 30 3 * * 1", AppIds.Worker);
}
