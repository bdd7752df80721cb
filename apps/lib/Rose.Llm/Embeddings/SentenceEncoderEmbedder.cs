using SentenceTransformers;

namespace Rose.Llm.Embeddings;

/// <summary>
/// A sentence-transformers model on ONNX Runtime, shipped inside its NuGet package: no network,
/// CPU only. Measured here: a large mixed-length batch pads every text to the longest one and runs
/// about 4x slower than small batches, so texts are encoded in length-sorted batches of similar
/// size and put back in their original order. The model loads on first use (about a second).
/// </summary>
public abstract class SentenceEncoderEmbedder : ITextEmbedder, IDisposable
{
    private const int BatchSize = 8;
    private readonly Lazy<ISentenceEncoder> encoder;
    private readonly string queryPrefix;

    protected SentenceEncoderEmbedder(Func<ISentenceEncoder> createEncoder, string queryPrefix)
    {
        encoder = new Lazy<ISentenceEncoder>(createEncoder, LazyThreadSafetyMode.ExecutionAndPublication);
        this.queryPrefix = queryPrefix;
    }

    public abstract string Model { get; }

    public int Dimensions => 384;

    public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
        Task.FromResult(Encode(texts, cancellationToken));

    public Task<float[][]> EmbedQueriesAsync(IReadOnlyList<string> queries, CancellationToken cancellationToken) =>
        Task.FromResult(Encode(queryPrefix.Length == 0 ? queries : [.. queries.Select(q => queryPrefix + q)], cancellationToken));

    public void Dispose()
    {
        if (encoder.IsValueCreated && encoder.Value is IDisposable disposable)
        {
            disposable.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    private float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken)
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

        return vectors;
    }
}
