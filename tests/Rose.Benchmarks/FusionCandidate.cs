using System.Globalization;
using Rose.Knowledge.Retrieval;

namespace Rose.Benchmarks;

/// <summary>One setting of the fusion (the production functions), as the quality benchmark fits it.</summary>
internal sealed record FusionCandidate(FusionMethod Method, double VectorWeight, double KeywordWeight, int RrfK, double ExactTermKeywordBoost, double Decisiveness = 0)
{
    /// <summary>The grid searched: weighted RRF over weights and k, the normalised combination over its one mixing weight, each with and without query steering.</summary>
    public static IEnumerable<FusionCandidate> Grid()
    {
        double[] boosts = [1.0, 2.0];
        foreach (var boost in boosts)
        {
            foreach (var k in new[] { 1, 5, 10, 20, 40, 60 })
            {
                for (var w = 0; w <= 20; w++)
                {
                    yield return new FusionCandidate(FusionMethod.Rrf, w / 10.0, 1.0, k, boost);
                }
            }

            foreach (var decisiveness in new[] { 0.0, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0 })
            {
                for (var w = 0; w <= 20; w++)
                {
                    yield return new FusionCandidate(FusionMethod.Normalized, w / 20.0, 1 - (w / 20.0), 60, boost, decisiveness);
                }
            }
        }
    }

    public int[] Fuse(ScoredOrdinal[] dense, ScoredOrdinal[] keywords, bool steered, int take)
    {
        var keywordWeight = KeywordWeight * (steered ? ExactTermKeywordBoost : 1.0);
        (ScoredOrdinal[], double)[] rankings = [(dense, VectorWeight), (keywords, keywordWeight)];
        var fused = Method == FusionMethod.Rrf ? ReciprocalRankFusion.Fuse(rankings, RrfK, take) : NormalizedScoreFusion.Fuse(rankings, take, Decisiveness);
        return [.. fused.Select(f => f.Ordinal)];
    }

    public override string ToString() => Method == FusionMethod.Rrf
        ? string.Create(CultureInfo.InvariantCulture, $"RRF k {RrfK}, vector {VectorWeight:0.##} : BM25 {KeywordWeight:0.##}, exact-term boost {ExactTermKeywordBoost:0.#}")
        : string.Create(CultureInfo.InvariantCulture, $"normalised, vector {VectorWeight:0.##} : BM25 {KeywordWeight:0.##}, decisiveness {Decisiveness:0.#}, exact-term boost {ExactTermKeywordBoost:0.#}");
}
