using System.Security.Cryptography;
using System.Text;
using Rose.Llm.Embeddings;

namespace Rose.Knowledge.Tests.Fixtures;

/// <summary>
/// A fast stand-in for the ONNX encoder where only the shape of the vectors matters (payload sizes
/// of a large document): real embeddings of hundreds of chunks take minutes on two cores.
/// Same text, same unit vector; nothing semantic.
/// </summary>
public sealed class HashingEmbedder : ITextEmbedder
{
    public string Model => "hashing-test-embedder";

    public int Dimensions => 384;

    public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
        Task.FromResult(texts.Select(Embed).ToArray());

    private float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        var seed = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        for (var i = 0; i < Dimensions; i++)
        {
            vector[i] = (seed[i % seed.Length] - 127.5f) * (i % 2 == 0 ? 1 : -1);
        }

        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return [.. vector.Select(v => v / norm)];
    }
}
