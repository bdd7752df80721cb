using Microsoft.Extensions.Logging;
using Rose.Knowledge.Events;
using Rose.Knowledge.Parsing;

namespace Rose.Knowledge.Ingestion;

/// <summary>
/// Runs the loading steps of one document in order, exactly as <c>DocumentLoadingWorkflow</c>
/// orders its activities: fetch + parse → (unchanged? done) → chunk → embed → index → publish.
/// A rejected document is marked failed with its reason; nothing else is touched.
/// </summary>
public sealed class DocumentLoadingPipeline(DocumentLoadingSteps steps, ILogger<DocumentLoadingPipeline> logger)
{
    public async Task RunAsync(DocumentRef document, CancellationToken cancellationToken)
    {
        try
        {
            var parsed = await steps.FetchAndParseAsync(document, cancellationToken);
            if (parsed.Unchanged)
            {
                await steps.CompleteUnchangedAsync(document, cancellationToken);
                return;
            }

            var chunked = steps.Chunk(parsed);
            var embedded = await steps.EmbedAsync(chunked, cancellationToken);
            if (await steps.IndexAsync(embedded, cancellationToken) >= 0)
            {
                await steps.PublishUpdatedAsync(document, KnowledgeUpdated.Indexed, cancellationToken);
            }
        }
        catch (DocumentRejectedException e)
        {
            logger.LogInformation("Document {DocumentId} of tenant {TenantId} failed: {Reason}", document.DocumentId, document.TenantId, e.Message);
            await steps.FailAsync(document, e.Message, CancellationToken.None);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Document {DocumentId} of tenant {TenantId} failed unexpectedly", document.DocumentId, document.TenantId);
            await steps.FailAsync(document, $"Loading failed unexpectedly: {e.Message}", CancellationToken.None);
        }
    }
}
