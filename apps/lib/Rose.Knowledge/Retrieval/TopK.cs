namespace Rose.Knowledge.Retrieval;

/// <summary>
/// Keeps the k best scores seen, in O(n log k), without sorting everything. A plain array
/// min-heap: in a scan of 10k rows nearly every score is below <see cref="Threshold"/>, so the
/// common case is one comparison and no heap work.
/// </summary>
internal sealed class TopK
{
    private readonly int capacity;
    private readonly int[] ordinals;
    private readonly float[] scores;
    private int count;

    public TopK(int k)
    {
        capacity = Math.Max(k, 0);
        ordinals = new int[capacity];
        scores = new float[capacity];
        Threshold = capacity == 0 ? float.PositiveInfinity : float.NegativeInfinity;
    }

    /// <summary>The score a new entry must beat to be kept: the k-th best so far, or -∞ until k are held.</summary>
    public float Threshold { get; private set; }

    public void Offer(int ordinal, float score)
    {
        if (score <= Threshold)
        {
            return;
        }

        if (count < capacity)
        {
            var i = count++;
            while (i > 0)
            {
                var parent = (i - 1) >> 1;
                if (scores[parent] <= score)
                {
                    break;
                }

                scores[i] = scores[parent];
                ordinals[i] = ordinals[parent];
                i = parent;
            }

            scores[i] = score;
            ordinals[i] = ordinal;
            if (count == capacity)
            {
                Threshold = scores[0];
            }

            return;
        }

        SiftDown(ordinal, score);
        Threshold = scores[0];
    }

    public ScoredOrdinal[] ToDescending()
    {
        var result = new ScoredOrdinal[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = new ScoredOrdinal(ordinals[i], scores[i]);
        }

        // Ties keep the lower ordinal first, so results do not depend on the scan order.
        Array.Sort(result, static (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Ordinal.CompareTo(b.Ordinal));
        return result;
    }

    private void SiftDown(int ordinal, float score)
    {
        var i = 0;
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= count)
            {
                break;
            }

            if (child + 1 < count && scores[child + 1] < scores[child])
            {
                child++;
            }

            if (scores[child] >= score)
            {
                break;
            }

            scores[i] = scores[child];
            ordinals[i] = ordinals[child];
            i = child;
        }

        scores[i] = score;
        ordinals[i] = ordinal;
    }
}
