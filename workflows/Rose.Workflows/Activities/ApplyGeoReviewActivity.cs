using Dapr.Workflow;
using Microsoft.Extensions.Hosting;
using Rose.Geo.Runs;
using Rose.Workflows.Models;

namespace Rose.Workflows.Activities;

/// <summary>Records one review event's decisions; returns how many pages are still undecided.</summary>
public sealed class ApplyGeoReviewActivity(GeoRunSteps steps, IHostApplicationLifetime lifetime) : WorkflowActivity<GeoReviewInput, int>
{
    public override Task<int> RunAsync(WorkflowActivityContext context, GeoReviewInput input) =>
        steps.ApplyReviewAsync(input, lifetime.ApplicationStopping);
}
