namespace Rose.Benchmarks;

/// <summary>
/// Retrieval quality of one ranking, or the mean over questions. Recall@k is 1 when a relevant
/// chunk is in the top k (the question is answered from there); MRR@k the reciprocal rank of the
/// first relevant chunk within k; nDCG@10 with binary gains over every relevant chunk.
/// </summary>
internal sealed record RankingScores(double Recall1, double Recall3, double Recall5, double Mrr3, double Mrr10, double Ndcg10)
{
    /// <summary>What fusion weights are fitted to: early precision and the shape of the whole top 10.</summary>
    public double Objective => (Mrr3 + Ndcg10) / 2;

    public static RankingScores Of(IReadOnlyList<int> ranked, IReadOnlySet<int> relevant)
    {
        var first = -1;
        var dcg = 0.0;
        for (var i = 0; i < Math.Min(10, ranked.Count); i++)
        {
            if (relevant.Contains(ranked[i]))
            {
                first = first < 0 ? i : first;
                dcg += 1 / Math.Log2(i + 2);
            }
        }

        var ideal = 0.0;
        for (var i = 0; i < Math.Min(10, relevant.Count); i++)
        {
            ideal += 1 / Math.Log2(i + 2);
        }

        double Hit(int k) => first >= 0 && first < k ? 1 : 0;
        double Reciprocal(int k) => first >= 0 && first < k ? 1.0 / (first + 1) : 0;
        return new RankingScores(Hit(1), Hit(3), Hit(5), Reciprocal(3), Reciprocal(10), ideal > 0 ? dcg / ideal : 0);
    }

    public static RankingScores Mean(IReadOnlyCollection<RankingScores> scores) => new(
        scores.Average(s => s.Recall1), scores.Average(s => s.Recall3), scores.Average(s => s.Recall5),
        scores.Average(s => s.Mrr3), scores.Average(s => s.Mrr10), scores.Average(s => s.Ndcg10));
}
