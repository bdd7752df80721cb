using Rose.Geo.Runs;
using Rose.Platform.Workflows;
using Rose.Workflows.Workflows;

namespace Rose.Workflows.Adapters;

/// <summary>Starts GEO runs as <see cref="GeoPublishingWorkflow"/> instances (Dapr, or the embedded runner), which survive restarts.</summary>
public sealed class WorkflowGeoRunScheduler(IWorkflowScheduler workflows) : IGeoRunScheduler
{
    public Task ScheduleAsync(string tenantId, string localId, CancellationToken cancellationToken) =>
        workflows.ScheduleAsync<GeoPublishingWorkflow>(tenantId, new GeoRunInput(tenantId), localId, cancellationToken);
}
