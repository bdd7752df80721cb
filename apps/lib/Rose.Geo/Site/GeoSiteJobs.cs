using Rose.Platform;
using Rose.Platform.Bindings;

namespace Rose.Geo.Site;

/// <summary>The GEO site's scheduled jobs.</summary>
public static class GeoSiteJobs
{
    /// <summary>Hourly at minute 40, admin (which owns custom hostnames) rechecks every tenant's hostnames.</summary>
    public static readonly CronJobDefinition HostnameRecheck = new("geo-hostname-recheck", "0 40 * * * *", AppIds.Admin);
}
