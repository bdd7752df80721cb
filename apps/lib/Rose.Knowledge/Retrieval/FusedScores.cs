namespace Rose.Knowledge.Retrieval;

/// <summary>The common end of every fusion: the best fused scores first, ties by ordinal so that a ranking is reproducible.</summary>
internal static class FusedScores
{
    public static ScoredOrdinal[] Best(Dictionary<int, double> fused, int take) =>
        fused
            .OrderByDescending(f => f.Value)
            .ThenBy(f => f.Key)
            .Take(take)
            .Select(f => new ScoredOrdinal(f.Key, (float)f.Value))
            .ToArray();
}
