using System.Diagnostics;
using Microsoft.Extensions.Options;
using Rose.Knowledge.Telemetry;
using Rose.Knowledge.VectorStores;
using Rose.Llm.Embeddings;
using Rose.Storage;

namespace Rose.Knowledge.Retrieval;

/// <summary>
/// Hybrid retrieval over one tenant's knowledge: dense vectors (semantics), BM25 (exact words,
/// product names, error codes; MiniLM alone is weak on these) and the knowledge graph (local:
/// entities the question names; global: relations between them), fused with weights fitted on
/// the quality benchmark (<see cref="RetrievalOptions.Fusion"/>), then reranked (Cohere-compatible API when configured, MMR otherwise).
/// </summary>
public sealed class HybridRetriever(
    KnowledgeIndexCache cache,
    ITextEmbedder embedder,
    IPassageReranker reranker,
    IOptions<RetrievalOptions> options,
    IVectorStore? vectorStore = null) : IKnowledgeRetriever
{
    // Optional for callers that build a retriever by hand over snapshots (benchmarks): in-process then.
    private readonly IVectorStore vectorStore = vectorStore ?? new InProcessVectorStore();

    public Task<IReadOnlyList<RetrievedPassage>> RetrieveAsync(string tenantId, string query, int k, CancellationToken cancellationToken) =>
        SearchTenantAsync(tenantId, query, null, k, cancellationToken);

    public Task<IReadOnlyList<RetrievedPassage>> RetrieveAsync(
        string tenantId, string query, ReadOnlyMemory<float> queryVector, int k, CancellationToken cancellationToken)
    {
        if (queryVector.Length != embedder.Dimensions)
        {
            throw new ArgumentException($"The query vector has {queryVector.Length} dimensions; {embedder.Model} has {embedder.Dimensions}.", nameof(queryVector));
        }

        return SearchTenantAsync(tenantId, query, queryVector, k, cancellationToken);
    }

    // The query is embedded here only when the caller did not, and only when the tenant has knowledge.
    private async Task<IReadOnlyList<RetrievedPassage>> SearchTenantAsync(
        string tenantId, string query, ReadOnlyMemory<float>? queryVector, int k, CancellationToken cancellationToken)
    {
        TenantIds.EnsureValid(tenantId);
        if (string.IsNullOrWhiteSpace(query) || k <= 0)
        {
            return [];
        }

        using var activity = KnowledgeTelemetry.Source.StartActivity(KnowledgeTelemetry.RetrievalSpan, ActivityKind.Internal);
        activity?.SetTag(KnowledgeTelemetry.Tenant, tenantId);
        activity?.SetTag(KnowledgeTelemetry.RequestedPassages, k);
        var index = await cache.GetAsync(tenantId, cancellationToken);
        activity?.SetTag(KnowledgeTelemetry.IndexedChunks, index.Count);
        if (index.Count == 0)
        {
            activity?.SetTag(KnowledgeTelemetry.ReturnedPassages, 0);
            return [];
        }

        var vector = queryVector?.ToArray() ?? (await embedder.EmbedQueriesAsync([query], cancellationToken))[0];
        var passages = await RetrieveAsync(index, query, vector, k, cancellationToken);
        activity?.SetTag(KnowledgeTelemetry.ReturnedPassages, passages.Count);
        return passages;
    }

    /// <summary>Retrieval with the query already embedded (benchmarks measure the two parts apart).</summary>
    public async Task<IReadOnlyList<RetrievedPassage>> RetrieveAsync(TenantKnowledgeIndex index, string query, float[] queryVector, int k, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var n = Math.Max(settings.CandidatesPerRetriever, k);
        var entities = settings.GraphWeight > 0 ? index.Graph.EntitiesIn(query) : [];
        // The in-process store answers synchronously from the snapshot; an external one maps its ids back to it.
        var vectorHits = await vectorStore.SearchAsync(index, queryVector, n, cancellationToken);
        var keywordWeight = settings.KeywordWeight * (QuerySteering.NamesExactTerms(query) ? settings.ExactTermKeywordBoost : 1.0);
        var rankings = new List<(ScoredOrdinal[] Ranking, double Weight)>
        {
            (vectorHits, settings.VectorWeight),
            (index.Keywords.Search(query, n, settings.KeywordBoosts), keywordWeight),
        };
        if (entities.Count > 0)
        {
            rankings.Add((index.Graph.Local(entities, n), settings.GraphWeight));
            rankings.Add((index.Graph.Global(entities, query, n), settings.GraphWeight));
        }

        var take = Math.Max(settings.RerankCandidates, k);
        var fused = settings.Fusion == FusionMethod.Rrf
            ? ReciprocalRankFusion.Fuse(rankings, settings.RrfK, take)
            : NormalizedScoreFusion.Fuse(rankings, take, settings.FusionDecisiveness);
        // Twice k from the reranker, so that demoting a crowded document still leaves k to choose from.
        var reranked = await reranker.RerankAsync(index, query, queryVector, fused, settings.MaxPassagesPerDocument > 0 ? Math.Min(fused.Length, 2 * k) : k, cancellationToken);
        var ranked = DocumentCrowding.Limit(reranked, index.Chunks, settings.MaxPassagesPerDocument, k);
        return ranked.Select(hit =>
        {
            var chunk = index.Chunks[hit.Ordinal];
            return new RetrievedPassage(chunk.DocumentId, chunk.ChunkId, chunk.Text, chunk.HeadingPath, chunk.Title, chunk.SourceUrl, chunk.Page, hit.Score)
            {
                Vector = index.Vectors.RowMemory(hit.Ordinal),
            };
        }).ToList();
    }
}
