using Dapr.Workflow;
using Microsoft.Extensions.Hosting;
using Rose.Geo.Runs;

namespace Rose.Workflows.Activities;

/// <summary>Whether the run changes the site at all (the run is publishing from here); the page set itself stays out of the workflow's history.</summary>
public sealed class PrepareGeoPublicationActivity(GeoRunSteps steps, IHostApplicationLifetime lifetime) : WorkflowActivity<GeoRunRef, bool>
{
    public override async Task<bool> RunAsync(WorkflowActivityContext context, GeoRunRef input) =>
        (await steps.PublicationAsync(input, lifetime.ApplicationStopping)).HasChanges;
}
