namespace Rose.Knowledge.Retrieval;

/// <summary>
/// Convex combination of min-max normalised scores: each ranking's best candidate scores 1, its
/// worst 0, and a chunk a ranking did not return counts 0 there. Cosine and BM25 scores live on
/// unrelated scales; normalising per query puts them on one without a calibration set.
/// </summary>
public static class NormalizedScoreFusion
{
    public static ScoredOrdinal[] Fuse(IReadOnlyList<(ScoredOrdinal[] Ranking, double Weight)> rankings, int take)
    {
        var fused = new Dictionary<int, double>();
        foreach (var (ranking, weight) in rankings)
        {
            if (ranking.Length == 0 || weight <= 0)
            {
                continue;
            }

            var max = ranking.Max(r => r.Score);
            var min = ranking.Min(r => r.Score);
            var range = max - min;
            foreach (var hit in ranking)
            {
                // A ranking of equal scores (one hit, or ties only) gives each of them full weight.
                var normalised = range > 0 ? (hit.Score - min) / range : 1.0;
                fused[hit.Ordinal] = fused.GetValueOrDefault(hit.Ordinal) + (weight * normalised);
            }
        }

        return fused
            .OrderByDescending(f => f.Value)
            .ThenBy(f => f.Key)
            .Take(take)
            .Select(f => new ScoredOrdinal(f.Key, (float)f.Value))
            .ToArray();
    }
}
