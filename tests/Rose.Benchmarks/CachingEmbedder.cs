using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Rose.Llm.Embeddings;

namespace Rose.Benchmarks;

/// <summary>
/// A real embedder whose vectors are kept on disk between benchmark runs (one file per model, keyed
/// by the text's hash, queries apart from passages): the quality benchmark then re-measures
/// retrieval in seconds instead of re-encoding a thousand chunks per model. Not for production:
/// nothing is ever evicted.
/// </summary>
internal sealed class CachingEmbedder(SentenceEncoderEmbedder inner, string folder) : ITextEmbedder, IDisposable
{
    private readonly string file = Path.Combine(folder, inner.Model + ".vectors");
    private readonly ConcurrentDictionary<string, float[]> vectors = Load(Path.Combine(folder, inner.Model + ".vectors"), inner.Dimensions);
    private int added;

    public string Model => inner.Model;

    public int Dimensions => inner.Dimensions;

    public int Misses => added;

    public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
        CachedAsync("p:", texts, inner.EmbedAsync, cancellationToken);

    public Task<float[][]> EmbedQueriesAsync(IReadOnlyList<string> queries, CancellationToken cancellationToken) =>
        CachedAsync("q:", queries, inner.EmbedQueriesAsync, cancellationToken);

    /// <summary>Writes the cache back (whole file: small, and a run that stops half-way keeps the old one).</summary>
    public void Save()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temporary = file + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temporary)))
        {
            foreach (var (key, vector) in vectors)
            {
                writer.Write(key);
                foreach (var value in vector)
                {
                    writer.Write(value);
                }
            }
        }

        File.Move(temporary, file, overwrite: true);
    }

    public void Dispose() => inner.Dispose();

    private async Task<float[][]> CachedAsync(
        string kind, IReadOnlyList<string> texts, Func<IReadOnlyList<string>, CancellationToken, Task<float[][]>> embed, CancellationToken cancellationToken)
    {
        var keys = texts.Select(t => kind + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(t)))).ToArray();
        var missing = Enumerable.Range(0, texts.Count).Where(i => !vectors.ContainsKey(keys[i])).ToList();
        if (missing.Count > 0)
        {
            var computed = await embed([.. missing.Select(i => texts[i])], cancellationToken);
            for (var j = 0; j < missing.Count; j++)
            {
                vectors[keys[missing[j]]] = computed[j];
            }

            Interlocked.Add(ref added, missing.Count);
        }

        return [.. keys.Select(k => vectors[k])];
    }

    private static ConcurrentDictionary<string, float[]> Load(string file, int dimensions)
    {
        var loaded = new ConcurrentDictionary<string, float[]>(StringComparer.Ordinal);
        if (!File.Exists(file))
        {
            return loaded;
        }

        using var reader = new BinaryReader(File.OpenRead(file));
        while (reader.BaseStream.Position < reader.BaseStream.Length)
        {
            var key = reader.ReadString();
            var vector = new float[dimensions];
            for (var d = 0; d < dimensions; d++)
            {
                vector[d] = reader.ReadSingle();
            }

            loaded[key] = vector;
        }

        return loaded;
    }
}
