using Dapr.Workflow;
using Microsoft.Extensions.Hosting;
using Rose.Geo.Runs;
using Rose.Workflows.Models;

namespace Rose.Workflows.Activities;

/// <summary>Drafts each page's answer from the knowledge base, with citations; unanswerable clusters become content gaps.</summary>
public sealed class DraftGeoAnswersActivity(GeoRunSteps steps, IHostApplicationLifetime lifetime) : WorkflowActivity<GeoRunRef, GeoDraftCounts>
{
    public override Task<GeoDraftCounts> RunAsync(WorkflowActivityContext context, GeoRunRef input) =>
        steps.DraftAsync(input, lifetime.ApplicationStopping);
}
