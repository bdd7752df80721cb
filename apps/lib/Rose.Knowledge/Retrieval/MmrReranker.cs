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

        var max = float.NegativeInfinity;
        var min = float.PositiveInfinity;
        foreach (var candidate in candidates)
        {
            max = Math.Max(max, candidate.Score);
            min = Math.Min(min, candidate.Score);
        }

        var range = max - min > 0 ? max - min : 1f;
        var taken = new bool[candidates.Length];
        // The largest similarity of each candidate to any picked passage, updated with each pick:
        // one dot product per candidate and pick instead of one per candidate, pick and picked.
        var redundancy = new float[candidates.Length];
        Array.Fill(redundancy, float.NegativeInfinity);
        var selected = new List<ScoredOrdinal>(Math.Min(k, candidates.Length));
        while (selected.Count < k && selected.Count < candidates.Length)
        {
            var best = -1;
            var bestScore = double.NegativeInfinity;
            for (var i = 0; i < candidates.Length; i++)
            {
                if (taken[i])
                {
                    continue;
                }

                var relevance = (candidates[i].Score - min) / range;
                var score = (lambda * relevance) - ((1 - lambda) * (selected.Count == 0 ? 0 : redundancy[i]));
                if (score > bestScore)
                {
                    bestScore = score;
                    best = i;
                }
            }

            taken[best] = true;
            selected.Add(candidates[best]);
            var picked = vectors.Row(candidates[best].Ordinal);
            for (var i = 0; i < candidates.Length; i++)
            {
                if (!taken[i])
                {
                    redundancy[i] = Math.Max(redundancy[i], TensorPrimitives.Dot(picked, vectors.Row(candidates[i].Ordinal)));
                }
            }
        }

        return [.. selected];
    }
}
