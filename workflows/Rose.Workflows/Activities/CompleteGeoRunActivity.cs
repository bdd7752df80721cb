using Dapr.Workflow;
using Microsoft.Extensions.Hosting;
using Rose.Geo.Runs;
using Rose.Workflows.Models;

namespace Rose.Workflows.Activities;

/// <summary>Ends a run that had nothing to publish.</summary>
public sealed class CompleteGeoRunActivity(GeoRunSteps steps, IHostApplicationLifetime lifetime) : WorkflowActivity<GeoRunRef, bool>
{
    public override Task<bool> RunAsync(WorkflowActivityContext context, GeoRunRef input) =>
        steps.CompleteAsync(input, lifetime.ApplicationStopping);
}
