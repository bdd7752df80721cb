using System.Numerics.Tensors;
using Microsoft.Extensions.Options;

namespace Rose.Knowledge.Retrieval;

/// <summary>
/// Maximal marginal relevance: picks passages that are relevant (fused rank) but not
/// near-duplicates of those already picked, so five citations are not five copies of one
/// paragraph. Relevance is the fused score scaled to 0..1; similarity the cosine of the vectors.
/// </summary>
public sealed class MmrReranker(IOptions<RetrievalOptions> options) : IPassageReranker
{
    public Task<ScoredOrdinal[]> RerankAsync(TenantKnowledgeIndex index, string query, ReadOnlyMemory<float> queryVector, ScoredOrdinal[] candidates, int k, CancellationToken cancellationToken) =>
        Task.FromResult(Rerank(index.Vectors, candidates, k, options.Value.MmrLambda));

    public static ScoredOrdinal[] Rerank(VectorIndex vectors, ScoredOrdinal[] candidates, int k, double lambda)
    {
        if (candidates.Length == 0)
        {
            return [];
        }

        var max = candidates.Max(c => c.Score);
        var min = candidates.Min(c => c.Score);
        var range = max - min > 0 ? max - min : 1f;
        var remaining = candidates.ToList();
        var selected = new List<ScoredOrdinal>(k);
        while (selected.Count < k && remaining.Count > 0)
        {
            var best = 0;
            var bestScore = double.NegativeInfinity;
            for (var i = 0; i < remaining.Count; i++)
            {
                var relevance = (remaining[i].Score - min) / range;
                var redundancy = selected.Count == 0
                    ? 0
                    : selected.Max(s => TensorPrimitives.Dot(vectors.Row(s.Ordinal), vectors.Row(remaining[i].Ordinal)));
                var score = (lambda * relevance) - ((1 - lambda) * redundancy);
                if (score > bestScore)
                {
                    bestScore = score;
                    best = i;
                }
            }

            selected.Add(remaining[best]);
            remaining.RemoveAt(best);
        }

        return [.. selected];
    }
}
