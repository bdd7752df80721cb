using Rose.Llm.Embeddings;

namespace Rose.Benchmarks;

/// <summary>Arguments of the quality benchmark: <c>quality &lt;corpus&gt; &lt;questions.jsonl&gt; [--embedders MiniLm,ArcticXs] [--cache folder] [--folds 5] [--misses]</c>.</summary>
internal sealed record QualitySettings(string Corpus, string Questions, IReadOnlyList<OfflineEmbedder> Embedders, string CacheFolder, int Folds, bool ShowMisses)
{
    public static QualitySettings Parse(string[] args)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var embedders = Option("--embedders")?.Split(',').Select(e => Enum.Parse<OfflineEmbedder>(e, ignoreCase: true)).ToList()
            ?? [OfflineEmbedder.MiniLm, OfflineEmbedder.ArcticXs];
        return new QualitySettings(
            Path.GetFullPath(args[1]),
            Path.GetFullPath(args[2]),
            embedders,
            Option("--cache") ?? Path.Combine(Path.GetTempPath(), "rose-quality-cache"),
            int.Parse(Option("--folds") ?? "5", System.Globalization.CultureInfo.InvariantCulture),
            args.Contains("--misses"));
    }
}
