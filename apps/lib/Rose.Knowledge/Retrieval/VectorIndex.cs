using System.Numerics.Tensors;

namespace Rose.Knowledge.Retrieval;

/// <summary>
/// Exact nearest neighbours over one tenant's vectors, stored row-major in one array so the
/// scan is a sequence of SIMD dot products (vectors are normalised: dot = cosine). Optionally
/// an int8 copy (one scale per row) is scanned first and the best candidates re-scored exactly:
/// a quarter of the memory traffic for large tenants, the same top results.
/// </summary>
public sealed class VectorIndex
{
    private const int RescoreFactor = 4;
    private readonly float[] vectors;
    private readonly sbyte[]? quantized;
    private readonly float[]? scales;

    public VectorIndex(float[] vectors, int dimensions, bool quantize = false)
    {
        if (dimensions <= 0 || vectors.Length % dimensions != 0)
        {
            throw new ArgumentException("The vector array is not a whole number of rows.", nameof(vectors));
        }

        this.vectors = vectors;
        Dimensions = dimensions;
        Count = vectors.Length / dimensions;
        if (quantize)
        {
            (quantized, scales) = Quantize(vectors, dimensions, Count);
        }
    }

    public int Dimensions { get; }

    public int Count { get; }

    public bool IsQuantized => quantized is not null;

    public ReadOnlySpan<float> Row(int ordinal) => vectors.AsSpan(ordinal * Dimensions, Dimensions);

    public ReadOnlyMemory<float> RowMemory(int ordinal) => vectors.AsMemory(ordinal * Dimensions, Dimensions);

    public ScoredOrdinal[] Search(ReadOnlySpan<float> query, int k)
    {
        if (Count == 0 || k <= 0)
        {
            return [];
        }

        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"The query has {query.Length} dimensions; the index has {Dimensions}.", nameof(query));
        }

        return quantized is null ? ExactSearch(query, k) : QuantizedSearch(query, k);
    }

    private ScoredOrdinal[] ExactSearch(ReadOnlySpan<float> query, int k)
    {
        var top = new TopK(Math.Min(k, Count));
        var all = vectors.AsSpan();
        for (int row = 0, offset = 0; row < Count; row++, offset += Dimensions)
        {
            var score = TensorPrimitives.Dot(query, all.Slice(offset, Dimensions));
            if (score > top.Threshold)
            {
                top.Offer(row, score);
            }
        }

        return top.ToDescending();
    }

    private ScoredOrdinal[] QuantizedSearch(ReadOnlySpan<float> query, int k)
    {
        var candidates = new TopK(Math.Min(k * RescoreFactor, Count));
        var (q, qScale) = QuantizeRow(query);
        var codes = quantized.AsSpan();
        var rowScales = scales.AsSpan();
        for (int row = 0, offset = 0; row < Count; row++, offset += Dimensions)
        {
            var score = Int8Dot.Compute(q, codes.Slice(offset, Dimensions)) * rowScales[row] * qScale;
            if (score > candidates.Threshold)
            {
                candidates.Offer(row, score);
            }
        }

        var exact = new TopK(Math.Min(k, Count));
        foreach (var candidate in candidates.ToDescending())
        {
            exact.Offer(candidate.Ordinal, TensorPrimitives.Dot(query, Row(candidate.Ordinal)));
        }

        return exact.ToDescending();
    }

    private static (sbyte[] Codes, float[] Scales) Quantize(float[] vectors, int dimensions, int count)
    {
        var codes = new sbyte[vectors.Length];
        var rowScales = new float[count];
        for (var row = 0; row < count; row++)
        {
            var (q, scale) = QuantizeRow(vectors.AsSpan(row * dimensions, dimensions));
            q.CopyTo(codes.AsSpan(row * dimensions, dimensions));
            rowScales[row] = scale;
        }

        return (codes, rowScales);
    }

    private static (sbyte[] Codes, float Scale) QuantizeRow(ReadOnlySpan<float> row)
    {
        var max = MathF.Abs(TensorPrimitives.MaxMagnitude(row));
        var scale = max > 0 ? max / 127f : 1f;
        var codes = new sbyte[row.Length];
        for (var i = 0; i < row.Length; i++)
        {
            codes[i] = (sbyte)Math.Clamp(MathF.Round(row[i] / scale), -127, 127);
        }

        return (codes, scale);
    }
}
