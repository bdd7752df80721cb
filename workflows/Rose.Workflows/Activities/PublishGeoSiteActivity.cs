using Dapr.Workflow;
using Microsoft.Extensions.Hosting;
using Rose.Geo.Runs;
using Rose.Geo.Site;

namespace Rose.Workflows.Activities;

/// <summary>
/// Publishes the tenant's whole page set after this run through <see cref="IGeoSitePublisher"/>, with
/// the workflow's instance id as the publish id. The set is read from the stored rows here rather than
/// passed through the workflow (whose history travels with every dispatch on Dapr); it depends only on
/// those rows, so a retried or resumed activity hands the publisher the same set under the same id,
/// and the publisher writes and pings once per id.
/// </summary>
public sealed class PublishGeoSiteActivity(GeoRunSteps steps, IGeoSitePublisher publisher, IHostApplicationLifetime lifetime)
    : WorkflowActivity<GeoRunRef, GeoPublishOutcome>
{
    public override async Task<GeoPublishOutcome> RunAsync(WorkflowActivityContext context, GeoRunRef input)
    {
        var publication = await steps.PublicationAsync(input, lifetime.ApplicationStopping);
        return await publisher.PublishAsync(input.TenantId, input.RunId, publication.Pages, lifetime.ApplicationStopping);
    }
}
