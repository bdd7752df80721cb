using System.Numerics.Tensors;

namespace Rose.Geo.Clustering;

/// <summary>
/// Average-linkage agglomerative clustering of L2-normalised vectors under cosine distance, stopped
/// by a distance threshold rather than a number of clusters: the number of distinct needs visitors
/// had is what we want to find, not something to guess. The Lance–Williams update keeps the average
/// linkage exact; O(n²) memory and O(n³) time in the worst case, fine for the few thousand questions
/// a run is capped at (<see cref="GeoOptions.MaxQuestions"/>). Deterministic: ties merge the lowest
/// indices first, so a retried run forms the same clusters.
/// </summary>
public static class AgglomerativeClustering
{
    /// <summary>
    /// Subtracts the vectors' mean and normalises them again, so that what every vector shares does not
    /// count as similarity (returns new arrays).
    /// </summary>
    public static IReadOnlyList<float[]> Centered(IReadOnlyList<float[]> vectors)
    {
        var mean = new float[vectors[0].Length];
        foreach (var vector in vectors)
        {
            TensorPrimitives.Add(mean, vector, mean);
        }

        TensorPrimitives.Divide(mean, vectors.Count, mean);
        return [.. vectors.Select(v =>
        {
            var centered = new float[v.Length];
            TensorPrimitives.Subtract(v, mean, centered);
            var norm = TensorPrimitives.Norm<float>(centered);
            if (norm > 0)
            {
                TensorPrimitives.Divide(centered, norm, centered);
            }

            return centered;
        })];
    }

    /// <returns>Clusters as lists of input indices, each list ascending, ordered by their first index.</returns>
    public static IReadOnlyList<IReadOnlyList<int>> Cluster(IReadOnlyList<float[]> vectors, double distanceThreshold)
    {
        var n = vectors.Count;
        var members = Enumerable.Range(0, n).Select(i => new List<int> { i }).ToArray();
        var active = new bool[n];
        Array.Fill(active, true);
        var distance = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                distance[i, j] = distance[j, i] = 1 - TensorPrimitives.Dot<float>(vectors[i], vectors[j]);
            }
        }

        while (true)
        {
            var (a, b, best) = (-1, -1, double.MaxValue);
            for (var i = 0; i < n; i++)
            {
                if (!active[i])
                {
                    continue;
                }

                for (var j = i + 1; j < n; j++)
                {
                    if (active[j] && distance[i, j] < best)
                    {
                        (a, b, best) = (i, j, distance[i, j]);
                    }
                }
            }

            if (a < 0 || best > distanceThreshold)
            {
                break;
            }

            // Average linkage: the new cluster's distance to k is the size-weighted mean of its parts'.
            double sizeA = members[a].Count, sizeB = members[b].Count;
            for (var k = 0; k < n; k++)
            {
                if (active[k] && k != a && k != b)
                {
                    distance[a, k] = distance[k, a] = ((sizeA * distance[a, k]) + (sizeB * distance[b, k])) / (sizeA + sizeB);
                }
            }

            members[a].AddRange(members[b]);
            members[a].Sort();
            active[b] = false;
        }

        return [.. Enumerable.Range(0, n).Where(i => active[i]).Select(i => (IReadOnlyList<int>)members[i])];
    }
}
