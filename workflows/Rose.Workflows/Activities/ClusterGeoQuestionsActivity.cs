using Dapr.Workflow;
using Microsoft.Extensions.Hosting;
using Rose.Geo.Runs;
using Rose.Workflows.Models;

namespace Rose.Workflows.Activities;

/// <summary>Clusters the questions by meaning into one draft per need (or picks the pages citing a changed document).</summary>
public sealed class ClusterGeoQuestionsActivity(GeoRunSteps steps, IHostApplicationLifetime lifetime) : WorkflowActivity<GeoRunRef, int>
{
    public override Task<int> RunAsync(WorkflowActivityContext context, GeoRunRef input) =>
        steps.ClusterAsync(input, lifetime.ApplicationStopping);
}
