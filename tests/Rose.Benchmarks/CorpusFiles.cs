using Rose.Knowledge.Parsing;

namespace Rose.Benchmarks;

/// <summary>The documents of a corpus folder that Rose can parse, in a stable order (licence files left out).</summary>
internal static class CorpusFiles
{
    public static List<string> List(string corpus) =>
        Directory.EnumerateFiles(corpus, "*.*", SearchOption.AllDirectories)
            .Where(f => DocumentFormats.Detect(null, f) is not null && !Path.GetFileName(f).Equals("LICENSE.md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
}
