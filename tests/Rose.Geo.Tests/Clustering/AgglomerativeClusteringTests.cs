using Rose.Geo.Clustering;
using Xunit;

namespace Rose.Geo.Tests.Clustering;

public sealed class AgglomerativeClusteringTests
{
    private static float[] Unit(params float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return [.. v.Select(x => x / norm)];
    }

    [Fact]
    public void Cluster_finds_as_many_clusters_as_the_threshold_separates_without_a_fixed_k()
    {
        float[][] vectors = [Unit(1, 0.05f, 0), Unit(1, -0.05f, 0), Unit(0, 1, 0.05f), Unit(0.02f, 1, 0), Unit(0, 0, 1)];

        Assert.Equal([[0, 1], [2, 3], [4]], AgglomerativeClustering.Cluster(vectors, 0.2).Select(c => c.ToArray()));
        Assert.Equal(5, AgglomerativeClustering.Cluster(vectors, 0.0001).Count);
        Assert.Single(AgglomerativeClustering.Cluster(vectors, 2));
    }

    [Fact]
    public void Cluster_uses_the_average_distance_so_a_chain_of_near_points_does_not_merge_far_ends()
    {
        // 0–1 and 1–2 are close (0.1 apart), 0–2 far: average linkage keeps 2 out of {0, 1} at 0.15.
        float[][] vectors = [Unit(1, 0), Unit(MathF.Cos(0.45f), MathF.Sin(0.45f)), Unit(MathF.Cos(0.9f), MathF.Sin(0.9f))];

        Assert.Equal(2, AgglomerativeClustering.Cluster(vectors, 0.15).Count);
    }

    [Fact]
    public void Centered_removes_what_every_vector_shares()
    {
        float[][] vectors = [Unit(1, 1, 0), Unit(1, -1, 0)];

        var centered = AgglomerativeClustering.Centered(vectors);

        Assert.Equal(0, centered[0][0], 5);
        Assert.Equal(-1, centered[0][1] * centered[1][1], 5);
    }
}
