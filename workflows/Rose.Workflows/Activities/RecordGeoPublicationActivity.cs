using Dapr.Workflow;
using Microsoft.Extensions.Hosting;
using Rose.Geo.Runs;
using Rose.Workflows.Models;

namespace Rose.Workflows.Activities;

/// <summary>Records the state of every page the publish changed, and the run as published.</summary>
public sealed class RecordGeoPublicationActivity(GeoRunSteps steps, IHostApplicationLifetime lifetime) : WorkflowActivity<GeoPublicationRecord, int>
{
    public override Task<int> RunAsync(WorkflowActivityContext context, GeoPublicationRecord input) =>
        steps.RecordPublicationAsync(input.Run, input.Outcome, lifetime.ApplicationStopping);
}
