using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rose.Knowledge.Chunking;
using Rose.Llm.Configuration;
using Rose.Llm.Prompts;
using Rose.Llm.Routing;

namespace Rose.Knowledge.Graph;

/// <summary>
/// Extracts the graph with the LLM of the <c>graph-extraction</c> purpose, LightRAG style: entities
/// (name, type, description) and relations (ends, keywords, description) per chunk, several chunks
/// per call to pay the instructions once. The router accounts the tokens to the tenant and refuses
/// when its budget is spent. Whatever goes wrong — unusable reply, provider down, budget spent — the
/// chunks concerned get <see cref="OfflineGraphExtractor"/>'s graph: a document never fails here.
/// </summary>
public sealed class LlmGraphExtractor(
    ILlmRouter router,
    PromptLibrary prompts,
    OfflineGraphExtractor offline,
    IOptions<GraphExtractionOptions> options,
    ILogger<LlmGraphExtractor> logger) : IGraphExtractor
{
    private const string CutOff = "length";

    public async Task<IReadOnlyList<GraphExtraction>> ExtractAsync(string tenantId, string title, IReadOnlyList<ChunkDraft> chunks, CancellationToken cancellationToken)
    {
        var results = new GraphExtraction?[chunks.Count];
        // Prompt v1 asks about one text and gets one flat object back; later versions number the chunks.
        var perCall = prompts.VersionFor(LlmPurposes.GraphExtraction) == "v1" ? 1 : options.Value.ChunksPerCall;
        var llmAvailable = true;
        for (var start = 0; start < chunks.Count && llmAvailable; start += perCall)
        {
            llmAvailable = await ExtractBatchAsync(tenantId, title, chunks, start, Math.Min(perCall, chunks.Count - start), results, cancellationToken);
        }

        for (var i = 0; i < chunks.Count; i++)
        {
            results[i] ??= offline.Extract(title, chunks[i].HeadingPath, chunks[i].Text);
        }

        return results!;
    }

    /// <summary>Fills <paramref name="results"/> for the chunks the reply covers; false when the LLM cannot serve this tenant now.</summary>
    private async Task<bool> ExtractBatchAsync(
        string tenantId, string title, IReadOnlyList<ChunkDraft> chunks, int start, int count, GraphExtraction?[] results, CancellationToken cancellationToken)
    {
        LlmCompletion completion;
        try
        {
            var prompt = prompts.Render(LlmPurposes.GraphExtraction, tenantId, null, new Dictionary<string, string> { ["text"] = Numbered(title, chunks, start, count) });
            completion = await router.CompleteAsync(LlmPurposes.GraphExtraction, tenantId, [new ChatMessage(ChatRole.User, prompt)], cancellationToken);
        }
        catch (LlmUnavailableException e)
        {
            // Not configured, budget spent or every provider down: asking again for the next chunks would
            // only wait through the same retries, so the rest of the document is extracted offline.
            logger.LogWarning("Graph extraction of '{Title}' for tenant {TenantId} continues offline: {Reason}", title, tenantId, e.Message);
            return false;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Graph extraction of '{Title}' for tenant {TenantId} failed for chunks {From}-{To}; those use the offline extractor", title, tenantId, start + 1, start + count);
            return true;
        }

        var parsed = LlmGraphReply.TryParse(completion.Text, count, options.Value.MaxReplyCharacters);
        if (parsed is null && completion.FinishReason == CutOff && count > 1)
        {
            // The reply hit the output-token limit: half as many chunks per call fit.
            var half = count / 2;
            return await ExtractBatchAsync(tenantId, title, chunks, start, half, results, cancellationToken)
                && await ExtractBatchAsync(tenantId, title, chunks, start + half, count - half, results, cancellationToken);
        }

        if (parsed is null)
        {
            logger.LogWarning(
                "{Provider} ({Model}) gave an unusable graph for '{Title}' of tenant {TenantId} (chunks {From}-{To}, {Length} characters, finish {FinishReason}); those use the offline extractor",
                completion.Provider, completion.Model, title, tenantId, start + 1, start + count, completion.Text.Length, completion.FinishReason);
            return true;
        }

        foreach (var (number, extraction) in parsed)
        {
            results[start + number - 1] = extraction;
        }

        return true;
    }

    private static string Numbered(string title, IReadOnlyList<ChunkDraft> chunks, int start, int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var chunk = chunks[start + i];
            text.Append("### Chunk ").Append(i + 1).Append('\n');
            if (EmbeddingInputs.Prefix(title, chunk.HeadingPath) is { Length: > 0 } headings)
            {
                text.Append(headings).Append('\n');
            }

            text.Append(chunk.Text.Trim()).Append("\n\n");
        }

        return text.ToString().TrimEnd();
    }
}
