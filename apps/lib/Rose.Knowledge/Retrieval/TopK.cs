namespace Rose.Knowledge.Retrieval;

/// <summary>Keeps the k best scores seen, in O(n log k), without sorting everything.</summary>
internal sealed class TopK(int k)
{
    private readonly PriorityQueue<int, float> heap = new(k + 1);

    public float Threshold => heap.Count < k ? float.NegativeInfinity : MinScore();

    public void Offer(int ordinal, float score)
    {
        if (heap.Count < k)
        {
            heap.Enqueue(ordinal, score);
        }
        else if (score > MinScore())
        {
            heap.DequeueEnqueue(ordinal, score);
        }
    }

    public ScoredOrdinal[] ToDescending()
    {
        var result = new ScoredOrdinal[heap.Count];
        var i = result.Length - 1;
        while (heap.TryDequeue(out var ordinal, out var score))
        {
            result[i--] = new ScoredOrdinal(ordinal, score);
        }

        return result;
    }

    private float MinScore()
    {
        heap.TryPeek(out _, out var score);
        return score;
    }
}
