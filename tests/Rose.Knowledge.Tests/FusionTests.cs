using Rose.Knowledge.Retrieval;
using Xunit;

namespace Rose.Knowledge.Tests;

public sealed class FusionTests
{
    [Fact]
    public void Normalised_fusion_scales_each_ranking_to_its_own_range()
    {
        // Cosine around 0.5, BM25 around 10: unscaled, BM25 would decide alone.
        ScoredOrdinal[] dense = [new(1, 0.62f), new(2, 0.60f), new(3, 0.40f)];
        ScoredOrdinal[] keywords = [new(2, 12f), new(3, 11.9f), new(1, 2f)];

        var fused = NormalizedScoreFusion.Fuse([(dense, 0.5), (keywords, 0.5)], 3);

        // 2: 0.5 * 0.909 + 0.5 * 1; 1: 0.5 * 1 + 0; 3: 0 + 0.5 * 0.99.
        Assert.Equal([2, 1, 3], fused.Select(f => f.Ordinal));
        Assert.Equal(0.5 * (0.2 / 0.22) + 0.5, fused[0].Score, 3);
    }

    [Fact]
    public void Decisiveness_lets_the_ranking_with_a_clear_winner_lead()
    {
        // BM25 has one clear winner (a heading that says what was asked); the dense ranking is flat.
        ScoredOrdinal[] dense = [new(1, 0.51f), new(2, 0.50f), new(3, 0.49f)];
        ScoredOrdinal[] keywords = [new(2, 20f), new(1, 3f), new(3, 2f)];

        var plain = NormalizedScoreFusion.Fuse([(dense, 0.75), (keywords, 0.25)], 3);
        var steered = NormalizedScoreFusion.Fuse([(dense, 0.75), (keywords, 0.25)], 3, decisiveness: 32);

        Assert.Equal(1, plain[0].Ordinal);
        Assert.Equal(2, steered[0].Ordinal);
    }

    [Fact]
    public void Rankings_without_weight_or_hits_add_nothing()
    {
        ScoredOrdinal[] dense = [new(4, 0.9f), new(5, 0.1f)];

        ScoredOrdinal[] none = [];
        ScoredOrdinal[] unweighted = [new(6, 3f)];

        var fused = NormalizedScoreFusion.Fuse([(dense, 1.0), (none, 1.0), (unweighted, 0.0)], 5);

        Assert.Equal([4, 5], fused.Select(f => f.Ordinal));
    }

    [Theory]
    [InlineData("Why does \"data-domain\" not match?", true)]
    [InlineData("What does error 403 mean?", true)]
    [InlineData("Where do I put plausible.js?", true)]
    [InlineData("How do I call getStats from the API?", true)]
    [InlineData("What's next?", false)]
    [InlineData("Can I manage multiple clients with separate billing for each?", false)]
    [InlineData("Is there a real-time dashboard for the UTM campaigns?", false)]
    public void Query_steering_recognises_exact_terms(string query, bool expected) =>
        Assert.Equal(expected, QuerySteering.NamesExactTerms(query));
}
