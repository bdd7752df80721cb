namespace Rose.Knowledge.Retrieval;

/// <summary>
/// Reciprocal-rank fusion: each ranking adds weight / (k + rank) to a chunk. It needs no score
/// calibration between BM25, cosine and graph scores, which live on unrelated scales.
/// </summary>
public static class ReciprocalRankFusion
{
    public static ScoredOrdinal[] Fuse(IReadOnlyList<(ScoredOrdinal[] Ranking, double Weight)> rankings, int k, int take)
    {
        var fused = new Dictionary<int, double>();
        foreach (var (ranking, weight) in rankings)
        {
            for (var rank = 0; rank < ranking.Length; rank++)
            {
                var ordinal = ranking[rank].Ordinal;
                fused[ordinal] = fused.GetValueOrDefault(ordinal) + (weight / (k + rank + 1));
            }
        }

        return FusedScores.Best(fused, take);
    }
}
