using Rose.Knowledge.Retrieval;

namespace Rose.Knowledge.Graph;

/// <summary>Helpers to turn a score map into a ranked list.</summary>
public static class ScoredOrdinalList
{
    public static ScoredOrdinal[] Top(Dictionary<int, float> scores, int k) =>
        scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key).Take(k).Select(s => new ScoredOrdinal(s.Key, s.Value)).ToArray();
}
