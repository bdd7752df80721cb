using Dapr.Workflow;
using Microsoft.Extensions.Hosting;
using Rose.Geo.Runs;
using Rose.Workflows.Models;

namespace Rose.Workflows.Activities;

/// <summary>Collects the period's visitor questions without personal data, spam or small talk.</summary>
public sealed class CollectGeoQuestionsActivity(GeoRunSteps steps, IHostApplicationLifetime lifetime) : WorkflowActivity<GeoRunRef, int>
{
    public override Task<int> RunAsync(WorkflowActivityContext context, GeoRunRef input) =>
        steps.CollectAsync(input, lifetime.ApplicationStopping);
}
