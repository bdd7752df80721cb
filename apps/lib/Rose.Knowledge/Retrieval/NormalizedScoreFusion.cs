namespace Rose.Knowledge.Retrieval;

/// <summary>
/// Convex combination of min-max normalised scores: each ranking's best candidate scores 1, its
/// worst 0, and a chunk a ranking did not return counts 0 there. Cosine and BM25 scores live on
/// unrelated scales; normalising per query puts them on one without a calibration set.
/// With a <c>decisiveness</c> above 0 a ranking also weighs more when its best hit stands out
/// from its second (the gap relative to the best score, 0..1): BM25 on a question worded like a
/// heading has one clear winner, BM25 on a paraphrase a flat list, and then the dense ranking leads.
/// </summary>
public static class NormalizedScoreFusion
{
    public static ScoredOrdinal[] Fuse(IReadOnlyList<(ScoredOrdinal[] Ranking, double Weight)> rankings, int take, double decisiveness = 0)
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
            // Sorted best first by every retriever; a single hit is as decisive as it gets. The gap
            // is relative to the best score, not to the range: a short list (a small knowledge
            // base) has a narrow range that would make any gap look decisive.
            var gap = ranking.Length < 2 ? 1.0 : ranking[0].Score > 0 ? Math.Clamp((ranking[0].Score - ranking[1].Score) / ranking[0].Score, 0, 1) : 0;
            var steered = weight * (1 + (decisiveness * gap));
            foreach (var hit in ranking)
            {
                // A ranking of equal scores (one hit, or ties only) gives each of them full weight.
                var normalised = range > 0 ? (hit.Score - min) / range : 1.0;
                fused[hit.Ordinal] = fused.GetValueOrDefault(hit.Ordinal) + (steered * normalised);
            }
        }

        return FusedScores.Best(fused, take);
    }
}
