using Rose.Knowledge.Retrieval;
using Xunit;

namespace Rose.Knowledge.Tests;

public sealed class RetrievalTests
{
    [Fact]
    public void Search_of_quantized_index_returns_the_exact_top_results()
    {
        var random = new Random(7);
        const int dimensions = 64;
        var vectors = new float[2000 * dimensions];
        for (var row = 0; row < 2000; row++)
        {
            Normalised(random, vectors.AsSpan(row * dimensions, dimensions));
        }

        var query = new float[dimensions];
        Normalised(random, query);

        var exact = new VectorIndex(vectors, dimensions).Search(query, 5);
        var quantized = new VectorIndex(vectors, dimensions, quantize: true).Search(query, 5);

        Assert.Equal(exact.Select(e => e.Ordinal), quantized.Select(q => q.Ordinal));
        Assert.Equal(exact[0].Score, quantized[0].Score, 5);
    }

    [Theory]
    [InlineData(384)]
    [InlineData(37)]
    [InlineData(7)]
    public void Int8_dot_equals_the_scalar_sum_of_products(int length)
    {
        var random = new Random(length);
        var a = new sbyte[length];
        var b = new sbyte[length];
        for (var i = 0; i < length; i++)
        {
            a[i] = (sbyte)random.Next(-127, 128);
            b[i] = (sbyte)random.Next(-127, 128);
        }

        a[0] = 127;
        b[0] = -127;
        var expected = 0;
        for (var i = 0; i < length; i++)
        {
            expected += a[i] * b[i];
        }

        Assert.Equal(expected, Int8Dot.Compute(a, b));
    }

    [Fact]
    public void Top_k_keeps_the_best_scores_in_descending_order()
    {
        var random = new Random(3);
        var scores = Enumerable.Range(0, 500).Select(_ => (float)random.NextDouble()).ToArray();
        var top = new TopK(10);
        for (var i = 0; i < scores.Length; i++)
        {
            top.Offer(i, scores[i]);
        }

        var expected = scores.Select((score, ordinal) => new ScoredOrdinal(ordinal, score)).OrderByDescending(s => s.Score).Take(10);
        Assert.Equal(expected, top.ToDescending());
    }

    [Fact]
    public void Search_of_quantized_index_returns_the_exact_top_ten_at_minilm_dimensions()
    {
        var random = new Random(11);
        const int dimensions = 384;
        const int rows = 5000;
        var vectors = new float[rows * dimensions];
        for (var row = 0; row < rows; row++)
        {
            Normalised(random, vectors.AsSpan(row * dimensions, dimensions));
        }

        var exactIndex = new VectorIndex(vectors, dimensions);
        var quantizedIndex = new VectorIndex(vectors, dimensions, quantize: true);
        for (var q = 0; q < 5; q++)
        {
            // A query near a stored row, as real questions are near their answers, and a random one.
            var query = new float[dimensions];
            Normalised(random, query);
            if (q % 2 == 0)
            {
                System.Numerics.Tensors.TensorPrimitives.Add(query, vectors.AsSpan(q * 97 * dimensions, dimensions), query);
                var norm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.SumOfSquares<float>(query));
                System.Numerics.Tensors.TensorPrimitives.Divide(query, norm, query);
            }

            Assert.Equal(exactIndex.Search(query, 10), quantizedIndex.Search(query, 10));
        }
    }

    [Theory]
    [InlineData(4_999, false, false)]
    [InlineData(5_000, false, true)]
    [InlineData(10, true, true)]
    public void Options_quantize_tenants_from_the_configured_size_or_when_forced(int chunks, bool forced, bool expected)
    {
        var options = new RetrievalOptions { QuantizeVectors = forced, QuantizeFromChunks = 5_000 };

        Assert.Equal(expected, options.QuantizesAt(chunks));
        Assert.False(new RetrievalOptions { QuantizeFromChunks = 0 }.QuantizesAt(1_000_000));
    }

    [Fact]
    public void Search_of_keyword_index_stems_english_and_french()
    {
        using var index = new KeywordIndex([
            Chunk("Our prices depend on the number of visitors."),
            Chunk("Les tarifs dépendent du nombre de visiteurs."),
            Chunk("Launch outdoors, far from people."),
        ]);

        Assert.Equal(0, index.Search("pricing", 3)[0].Ordinal);
        Assert.Equal(1, index.Search("tarif", 3)[0].Ordinal);
        Assert.Empty(index.Search("zebra quantum", 3));
    }

    [Fact]
    public void Search_of_keyword_index_ranks_the_heading_that_says_the_question_first()
    {
        // Same words, same lengths, same body: only the order of the heading's words differs.
        using var index = new KeywordIndex([
            new("t:a", "t:a1", "Install the script.", ["Next release: what"], "Guide", null, null),
            new("t:b", "t:b1", "Install the script.", ["What comes next"], "Guide", null, null),
        ]);

        Assert.Equal(1, index.Search("What's next?", 2)[0].Ordinal);
    }

    [Fact]
    public void Crowding_moves_a_document_past_its_limit_behind_the_others()
    {
        IndexedChunk[] chunks = [.. Enumerable.Range(0, 7).Select(i => new IndexedChunk(i < 5 ? "t:a" : "t:b", $"t:c{i}", "text", [], "Doc", null, null))];
        ScoredOrdinal[] ranked = [.. Enumerable.Range(0, 7).Select(i => new ScoredOrdinal(i, 1f - (i / 10f)))];

        var limited = DocumentCrowding.Limit(ranked, chunks, maxPerDocument: 3, k: 5);

        Assert.Equal([0, 1, 2, 5, 6], limited.Select(l => l.Ordinal));
    }

    [Fact]
    public void Crowding_still_fills_k_from_a_single_document()
    {
        IndexedChunk[] chunks = [.. Enumerable.Range(0, 6).Select(i => new IndexedChunk("t:a", $"t:c{i}", "text", [], "Doc", null, null))];
        ScoredOrdinal[] ranked = [.. Enumerable.Range(0, 6).Select(i => new ScoredOrdinal(i, 1f - (i / 10f)))];

        Assert.Equal([0, 1, 2, 3, 4], DocumentCrowding.Limit(ranked, chunks, maxPerDocument: 2, k: 5).Select(l => l.Ordinal));
    }

    [Fact]
    public void Fuse_ranks_a_chunk_found_by_two_retrievers_above_single_hits()
    {
        var fused = ReciprocalRankFusion.Fuse(
            [([new(1, 0.9f), new(2, 0.8f)], 1.0), ([new(3, 12f), new(2, 10f)], 1.0)], 60, 3);

        Assert.Equal(2, fused[0].Ordinal);
    }

    private static IndexedChunk Chunk(string text) => new("t:d", $"t:{text.GetHashCode(StringComparison.Ordinal)}", text, [], "Doc", null, null);

    private static void Normalised(Random random, Span<float> vector)
    {
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = (float)((random.NextDouble() * 2) - 1);
        }

        var norm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.SumOfSquares<float>(vector));
        System.Numerics.Tensors.TensorPrimitives.Divide(vector, norm, vector);
    }
}
