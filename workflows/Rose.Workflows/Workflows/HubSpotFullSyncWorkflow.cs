using Dapr.Workflow;
using Microsoft.Extensions.Logging;
using Rose.Crm.HubSpot.Sync;
using Rose.Workflows.Activities;
using Rose.Workflows.Models;

namespace Rose.Workflows.Workflows;

/// <summary>
/// A full sync of one tenant's HubSpot contacts, then companies, into Rose: one activity per page,
/// each saving its rows with the next <c>after</c> cursor, so that a restart replays to the page it
/// was on and goes on from there. Continues as new every <see cref="PagesPerGeneration"/> pages, so that
/// the history the sidecar carries with every step stays small whatever the portal's size.
/// </summary>
public sealed class HubSpotFullSyncWorkflow : Workflow<HubSpotSyncRunRef, bool>
{
    private const int PagesPerGeneration = 50;

    /// <summary>HubSpot's own retries (429, 5xx) are done by then; this covers the database and a longer outage.</summary>
    private static readonly WorkflowTaskOptions Retry = new(new WorkflowRetryPolicy(
        maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(10), backoffCoefficient: 2));

    public override async Task<bool> RunAsync(WorkflowContext context, HubSpotSyncRunRef input)
    {
        var logger = context.CreateReplaySafeLogger<HubSpotFullSyncWorkflow>();
        try
        {
            for (var page = 0; page < PagesPerGeneration; page++)
            {
                if (await context.CallActivityAsync<bool>(nameof(SyncHubSpotPageActivity), input, Retry))
                {
                    logger.LogInformation("HubSpot full sync {RunId} of tenant {TenantId} finished", input.RunId, input.TenantId);
                    return true;
                }
            }
        }
        catch (WorkflowTaskFailedException e)
        {
            var reason = e.FailureDetails?.ErrorMessage is { Length: > 0 } message ? message : e.Message;
            await context.CallActivityAsync<bool>(nameof(FailHubSpotSyncActivity), new HubSpotSyncFailure(input, reason), Retry);
            return false;
        }

        context.ContinueAsNew(input, preserveUnprocessedEvents: false);
        return false;
    }
}
