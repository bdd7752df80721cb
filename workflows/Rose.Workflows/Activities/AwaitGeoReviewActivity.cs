using Dapr.Workflow;
using Microsoft.Extensions.Hosting;
using Rose.Geo.Runs;
using Rose.Workflows.Models;

namespace Rose.Workflows.Activities;

/// <summary>Shows the run as awaiting-review; returns how many pages wait for a decision.</summary>
public sealed class AwaitGeoReviewActivity(GeoRunSteps steps, IHostApplicationLifetime lifetime) : WorkflowActivity<GeoRunRef, int>
{
    public override Task<int> RunAsync(WorkflowActivityContext context, GeoRunRef input) =>
        steps.AwaitReviewAsync(input, lifetime.ApplicationStopping);
}
