using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rose.Geo.Data;
using Rose.Platform.Workflows;
using Rose.Storage;

namespace Rose.Geo.Runs;

/// <summary>
/// Runs as the APIs, the cron job and the <c>knowledge.updated</c> handler use them: start one (its
/// row first, then the workflow), read it, send a review, list the pages. Reads are on the current
/// tenant's rows only (the context's filter); the workflow is reached through the app's
/// <see cref="IWorkflowScheduler"/> (in process, or the worker's workflow API on Dapr).
/// </summary>
public sealed class GeoRuns(
    GeoDbContext db,
    ICurrentTenant currentTenant,
    IGeoRunScheduler scheduler,
    IWorkflowScheduler workflows,
    IOptions<GeoOptions> options,
    TimeProvider time)
{
    private const int MaxDecisions = 500;
    private const int MaxAnswerLength = 8000;

    private string TenantId => currentTenant.TenantId ?? throw new TenantRequiredException();

    /// <summary>Starts a run of the current tenant and returns its instance id.</summary>
    public async Task<string> StartAsync(string trigger, string? changedDocumentId, CancellationToken cancellationToken)
    {
        var localId = $"geo-{time.GetUtcNow():yyyyMMddHHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        return await StartAsync(trigger, changedDocumentId, localId, cancellationToken) ?? throw new InvalidOperationException("A fresh run id was taken.");
    }

    /// <summary>Starts a run named <paramref name="localId"/>; null when that run exists already (a redelivered event).</summary>
    public async Task<string?> StartAsync(string trigger, string? changedDocumentId, string localId, CancellationToken cancellationToken)
    {
        var runId = WorkflowInstanceIds.Compose(TenantId, localId);
        if (await db.Runs.AnyAsync(r => r.RunId == runId, cancellationToken))
        {
            return null;
        }

        var now = time.GetUtcNow();
        db.Runs.Add(new GeoRun
        {
            RunId = runId, Trigger = trigger, ChangedDocumentId = changedDocumentId, Status = GeoRunStatuses.Running,
            PeriodFrom = now.AddDays(-options.Value.PeriodDays), PeriodTo = now, StartedAt = now, UpdatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another replica wrote the same run first (a redelivered or broadcast event): it starts it.
            db.ChangeTracker.Clear();
            if (await db.Runs.AsNoTracking().AnyAsync(r => r.RunId == runId, cancellationToken))
            {
                return null;
            }

            throw;
        }

        await scheduler.ScheduleAsync(TenantId, localId, cancellationToken);
        return runId;
    }

    public async Task<GeoRunView?> FindAsync(string instanceId, CancellationToken cancellationToken)
    {
        var run = await db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.RunId == instanceId, cancellationToken);
        if (run is null)
        {
            return null;
        }

        var status = run.Status;
        var failure = run.Failure;
        if (status is not (GeoRunStatuses.Published or GeoRunStatuses.Completed or GeoRunStatuses.Failed)
            && await WorkflowStatusAsync(instanceId, cancellationToken) is { Status: WorkflowRunStatus.Failed or WorkflowRunStatus.Terminated } instance)
        {
            // The workflow ended without recording it (terminated, or failed where it could not write).
            status = GeoRunStatuses.Failed;
            failure ??= instance.FailureMessage ?? "The run's workflow ended before it finished.";
        }

        var drafts = await db.Drafts.AsNoTracking().Where(d => d.RunId == instanceId).OrderBy(d => d.PageId).ToListAsync(cancellationToken);
        return new GeoRunView(
            run.RunId, status, run.Trigger, run.StartedAt, run.UpdatedAt, run.QuestionCount, run.ClusterCount, run.IndexNowStatus, failure,
            [.. drafts.Where(d => !d.IsGap && d.Drafted).Select(d => new GeoPageView(
                d.PageId, d.Slug, d.Question, d.Answer, Views(d.Citations), d.State, d.SourceQuestions, d.ConversationCount, d.Edited))],
            [.. drafts.Where(d => d.IsGap).Select(d => new GeoGapView(d.Question, d.SourceQuestions, d.ConversationCount))]);
    }

    /// <summary>
    /// The workflow's own status, or null while the app hosting it cannot be reached (on Dapr: the worker
    /// restarting): the run's stored status is then what staff see — a pending run still shows as pending.
    /// </summary>
    private async Task<WorkflowInstanceStatus?> WorkflowStatusAsync(string instanceId, CancellationToken cancellationToken)
    {
        try
        {
            return await workflows.GetStatusAsync(instanceId, cancellationToken);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<GeoRunSummary>> ListAsync(int limit, CancellationToken cancellationToken) =>
        await db.Runs.AsNoTracking()
            .OrderByDescending(r => r.StartedAt)
            .Take(Math.Clamp(limit, 1, 200))
            .Select(r => new GeoRunSummary(r.RunId, r.Status, r.Trigger, r.StartedAt, r.QuestionCount, r.ClusterCount))
            .ToListAsync(cancellationToken);

    /// <summary>Checks the decisions against the run's pages, then hands them to the waiting workflow (<c>geo.review</c>).</summary>
    /// <returns>False when the current tenant has no such run.</returns>
    /// <exception cref="GeoReviewException">A decision names no page of the run, an unknown action, or an edit without an answer; or the run does not wait for a review.</exception>
    public async Task<bool> ReviewAsync(string instanceId, GeoReview review, CancellationToken cancellationToken)
    {
        var run = await db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.RunId == instanceId, cancellationToken);
        if (run is null)
        {
            return false;
        }

        if (run.Status != GeoRunStatuses.AwaitingReview)
        {
            throw new GeoReviewException("instanceId", $"The run is {run.Status}: only a run that is awaiting-review takes decisions.");
        }

        if (review.Decisions is not { Count: > 0 and <= MaxDecisions })
        {
            throw new GeoReviewException("decisions", $"Send 1 to {MaxDecisions} decisions.");
        }

        var pages = (await db.Drafts.AsNoTracking().Where(d => d.RunId == instanceId && !d.IsGap).Select(d => d.PageId).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var decision in review.Decisions)
        {
            if (decision is null || !pages.Contains(decision.PageId ?? string.Empty))
            {
                throw new GeoReviewException("decisions", $"'{decision?.PageId}' is not a page of this run.");
            }

            if (decision.Action is not (GeoReviewDecision.Approve or GeoReviewDecision.Edit or GeoReviewDecision.Reject))
            {
                throw new GeoReviewException("decisions", $"'{decision.Action}' is not an action: use approve, edit or reject.");
            }

            if (decision.Action == GeoReviewDecision.Edit && (string.IsNullOrWhiteSpace(decision.Answer) || decision.Answer.Length > MaxAnswerLength))
            {
                throw new GeoReviewException("decisions", $"An edit of '{decision.PageId}' needs its answer (1 to {MaxAnswerLength} characters).");
            }
        }

        await workflows.RaiseEventAsync(instanceId, GeoReview.EventName, review, cancellationToken);
        return true;
    }

    /// <summary>The tenant's pages that a run published or unpublished, by topic then question.</summary>
    public async Task<IReadOnlyList<GeoPublishedPageView>> PagesAsync(CancellationToken cancellationToken)
    {
        var pages = await db.Pages.AsNoTracking()
            .Where(p => p.State == GeoPageStates.Published || p.State == GeoPageStates.Unpublished)
            .ToListAsync(cancellationToken);
        return [.. pages.OrderBy(p => p.Topic, StringComparer.Ordinal).ThenBy(p => p.Question, StringComparer.Ordinal)
            .Select(p => new GeoPublishedPageView(p.PageId, p.Slug, p.Question, p.Answer, Views(p.Citations), p.State, p.Topic, p.IndexNowStatus, p.LastRunId, p.UpdatedAt))];
    }

    /// <summary>True when the current tenant has a run that has not finished (the weekly job does not start another).</summary>
    public Task<bool> HasUnfinishedRunAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        db.Runs.AnyAsync(r => r.StartedAt >= since && (r.Status == GeoRunStatuses.Running || r.Status == GeoRunStatuses.AwaitingReview || r.Status == GeoRunStatuses.Publishing), cancellationToken);

    private static IReadOnlyList<GeoCitationView> Views(List<StoredGeoCitation> citations) =>
        [.. citations.Select(c => new GeoCitationView(c.Title, c.Url, c.Quote))];
}
