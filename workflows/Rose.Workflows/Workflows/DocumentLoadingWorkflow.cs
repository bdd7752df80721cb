using Dapr.Workflow;
using Microsoft.Extensions.Logging;
using Rose.Knowledge.Ingestion;
using Rose.Workflows.Activities;
using Rose.Workflows.Models;

namespace Rose.Workflows.Workflows;

/// <summary>
/// Loads one document into its tenant's knowledge base: fetch + parse → chunk → embed → index
/// (which stages <c>knowledge.updated</c> in the same transaction, for the outbox to publish). Unchanged content stops after parsing (no-op). A failing
/// step marks this document failed with the step's reason and ends the instance normally, so one
/// bad file never affects another. Inputs and outputs are ids and counts only (the steps hand
/// their data to each other in the database, keyed by this instance id): on Dapr the history
/// travels with every dispatch and is capped by the sidecar's body size. Deterministic: all I/O
/// happens in the activities.
/// </summary>
public sealed class DocumentLoadingWorkflow : Workflow<DocumentRef, DocumentLoadingResult>
{
    /// <summary>Transient failures (database busy, network) are retried; a rejected document fails again identically, at little cost.</summary>
    private static readonly WorkflowTaskOptions Retry = new(new WorkflowRetryPolicy(
        maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2));

    public override async Task<DocumentLoadingResult> RunAsync(WorkflowContext context, DocumentRef input)
    {
        var logger = context.CreateReplaySafeLogger<DocumentLoadingWorkflow>();
        var run = new DocumentRun(input.TenantId, input.DocumentId, context.InstanceId);
        try
        {
            var parsed = await context.CallActivityAsync<ParseOutcome>(nameof(FetchAndParseDocumentActivity), run);
            if (parsed.Unchanged)
            {
                await context.CallActivityAsync<bool>(nameof(CompleteUnchangedDocumentActivity), input, Retry);
                return new DocumentLoadingResult(input.TenantId, input.DocumentId, DocumentLoadingResult.Unchanged, 0, null);
            }

            await context.CallActivityAsync<int>(nameof(ChunkDocumentActivity), run, Retry);
            await context.CallActivityAsync<int>(nameof(EmbedChunksActivity), run, Retry);
            var count = await context.CallActivityAsync<int>(nameof(IndexChunksActivity), run, Retry);
            if (count < 0)
            {
                return new DocumentLoadingResult(input.TenantId, input.DocumentId, DocumentLoadingResult.Deleted, 0, null);
            }

            logger.LogInformation("Document {DocumentId} of tenant {TenantId} indexed: {Count} chunks", input.DocumentId, input.TenantId, count);
            return new DocumentLoadingResult(input.TenantId, input.DocumentId, DocumentLoadingResult.Indexed, count, null);
        }
        catch (WorkflowTaskFailedException e)
        {
            var reason = e.FailureDetails?.ErrorMessage is { Length: > 0 } message ? message : e.Message;
            if (e.FailureDetails?.ErrorType?.EndsWith(nameof(Rose.Knowledge.Parsing.DocumentRejectedException), StringComparison.Ordinal) != true)
            {
                reason = $"Loading failed unexpectedly: {reason}";
            }

            logger.LogInformation("Document {DocumentId} of tenant {TenantId} failed: {Reason}", input.DocumentId, input.TenantId, reason);
            await context.CallActivityAsync<bool>(nameof(MarkDocumentFailedActivity), new DocumentFailure(run, reason), Retry);
            return new DocumentLoadingResult(input.TenantId, input.DocumentId, DocumentLoadingResult.Failed, 0, reason);
        }
    }
}
