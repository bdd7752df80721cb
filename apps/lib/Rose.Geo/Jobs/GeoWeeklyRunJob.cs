using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rose.Geo.Runs;
using Rose.Platform.Bindings;
using Rose.Storage;
using Rose.Tenancy;

namespace Rose.Geo.Jobs;

/// <summary>
/// Starts the week's GEO run of every tenant. A tenant whose last run still waits for its review (or
/// runs) is skipped: a second run would draft the same pages again beside the first; the period of
/// the next run still covers these weeks' questions.
/// </summary>
public sealed class GeoWeeklyRunJob(
    TenantDirectory directory,
    GeoRuns runs,
    ICurrentTenant currentTenant,
    IOptions<GeoOptions> options,
    TimeProvider time,
    ILogger<GeoWeeklyRunJob> logger) : ICronJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow().AddDays(-options.Value.PeriodDays);
        foreach (var tenantId in await directory.ListTenantIdsAsync(cancellationToken))
        {
            using (currentTenant.Use(tenantId))
            {
                if (await runs.HasUnfinishedRunAsync(since, cancellationToken))
                {
                    logger.LogInformation("GEO run of {TenantId} skipped: its last run has not finished", tenantId);
                    continue;
                }

                var runId = await runs.StartAsync(GeoRunTriggers.Schedule, null, cancellationToken);
                logger.LogInformation("GEO run {RunId} started by the weekly job", runId);
            }
        }
    }
}
