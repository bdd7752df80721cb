using Dapr.Workflow;
using Microsoft.Extensions.Logging;
using Rose.Geo.Runs;
using Rose.Workflows.Activities;
using Rose.Workflows.Models;

namespace Rose.Workflows.Workflows;

/// <summary>
/// One GEO run of a tenant: collect the period's visitor questions → cluster them into needs → draft
/// a cited answer per need (content gaps where the knowledge base has none) → wait for staff's
/// <c>geo.review</c> events until every page is decided (days may pass, and restarts: the wait is
/// part of the workflow's durable history) → publish the whole page set through the site publisher
/// with this instance id as the publish id → record every page's state. A run started by
/// <c>knowledge.updated</c> skips collection and drafts only the pages citing the changed document.
/// Inputs and outputs are ids and counts only; the steps hand their data to each other in the GEO
/// tables. Deterministic: all I/O happens in the activities.
/// </summary>
public sealed class GeoPublishingWorkflow : Workflow<GeoRunInput, GeoRunResult>
{
    /// <summary>Transient failures (database busy, a publisher's network) are retried; every step is idempotent.</summary>
    private static readonly WorkflowTaskOptions Retry = new(new WorkflowRetryPolicy(
        maxNumberOfAttempts: 4, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2));

    public override async Task<GeoRunResult> RunAsync(WorkflowContext context, GeoRunInput input)
    {
        var logger = context.CreateReplaySafeLogger<GeoPublishingWorkflow>();
        var run = new GeoRunRef(input.TenantId, context.InstanceId);
        try
        {
            var questions = await context.CallActivityAsync<int>(nameof(CollectGeoQuestionsActivity), run, Retry);
            var clusters = await context.CallActivityAsync<int>(nameof(ClusterGeoQuestionsActivity), run, Retry);
            var drafts = await context.CallActivityAsync<GeoDraftCounts>(nameof(DraftGeoAnswersActivity), run, Retry);
            if (drafts.Pages == 0)
            {
                await context.CallActivityAsync<bool>(nameof(CompleteGeoRunActivity), run, Retry);
                return new GeoRunResult(GeoRunStatuses.Completed, questions, clusters, 0, drafts.Gaps, 0);
            }

            var pending = await context.CallActivityAsync<int>(nameof(AwaitGeoReviewActivity), run, Retry);
            context.SetCustomStatus(GeoRunStatuses.AwaitingReview);
            while (pending > 0)
            {
                var review = await context.WaitForExternalEventAsync<GeoReview>(GeoReview.EventName);
                pending = await context.CallActivityAsync<int>(nameof(ApplyGeoReviewActivity), new GeoReviewInput(run, review), Retry);
            }

            context.SetCustomStatus(GeoRunStatuses.Publishing);
            if (!await context.CallActivityAsync<bool>(nameof(PrepareGeoPublicationActivity), run, Retry))
            {
                await context.CallActivityAsync<bool>(nameof(CompleteGeoRunActivity), run, Retry);
                return new GeoRunResult(GeoRunStatuses.Completed, questions, clusters, drafts.Pages, drafts.Gaps, 0);
            }

            var outcome = await context.CallActivityAsync<Rose.Geo.Site.GeoPublishOutcome>(nameof(PublishGeoSiteActivity), run, Retry);
            var published = await context.CallActivityAsync<int>(nameof(RecordGeoPublicationActivity), new GeoPublicationRecord(run, outcome), Retry);
            logger.LogInformation("GEO run {RunId}: {Published} pages published, IndexNow {IndexNow}", run.RunId, published, outcome.IndexNowStatus);
            context.SetCustomStatus(GeoRunStatuses.Published);
            return new GeoRunResult(GeoRunStatuses.Published, questions, clusters, drafts.Pages, drafts.Gaps, published);
        }
        catch (WorkflowTaskFailedException e)
        {
            var reason = e.FailureDetails?.ErrorMessage is { Length: > 0 } message ? message : e.Message;
            logger.LogWarning("GEO run {RunId} failed: {Reason}", run.RunId, reason);
            await context.CallActivityAsync<bool>(nameof(FailGeoRunActivity), new GeoRunFailure(run, reason), Retry);
            return new GeoRunResult(GeoRunStatuses.Failed, 0, 0, 0, 0, 0);
        }
    }
}
