using Dapr.Workflow;
using Microsoft.Extensions.Hosting;
using Rose.Geo.Runs;
using Rose.Workflows.Models;

namespace Rose.Workflows.Activities;

/// <summary>Marks a run failed with the reason, so staff see it.</summary>
public sealed class FailGeoRunActivity(GeoRunSteps steps, IHostApplicationLifetime lifetime) : WorkflowActivity<GeoRunFailure, bool>
{
    public override Task<bool> RunAsync(WorkflowActivityContext context, GeoRunFailure input) =>
        steps.FailAsync(input.Run, input.Reason, lifetime.ApplicationStopping);
}
