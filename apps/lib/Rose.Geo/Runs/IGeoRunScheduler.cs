namespace Rose.Geo.Runs;

/// <summary>
/// Starts the GEO workflow for a run whose row is written. Implemented beside the workflow
/// (Rose.Workflows' <c>AddRoseGeoWorkflows</c>): in process where the app hosts it, through the
/// worker's workflow API elsewhere on Dapr.
/// </summary>
public interface IGeoRunScheduler
{
    /// <summary>Schedules the workflow instance <paramref name="runId"/> (<c>{tenantId}_{localId}</c>).</summary>
    Task ScheduleAsync(string tenantId, string localId, CancellationToken cancellationToken);
}
