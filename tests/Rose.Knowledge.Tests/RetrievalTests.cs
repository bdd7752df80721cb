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
