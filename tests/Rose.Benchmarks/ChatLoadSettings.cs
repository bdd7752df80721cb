using System.Globalization;

namespace Rose.Benchmarks;

/// <summary>
/// The chat load run: <c>chat &lt;corpus&gt; &lt;questions.jsonl&gt; [--chunks 10000] [--conversations 20]
/// [--turns 10] [--think 1000-3000] (milliseconds) [--data folder]</c>.
/// </summary>
internal sealed record ChatLoadSettings(
    string Corpus, int ChunkTarget, int Conversations, int Turns, TimeSpan MinThink, TimeSpan MaxThink, string? DataPath)
{
    public static ChatLoadSettings Parse(IReadOnlyList<string> args)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Option(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
        var think = (Option("--think") ?? "1000-3000").Split('-').Select(v => TimeSpan.FromMilliseconds(int.Parse(v, CultureInfo.InvariantCulture))).ToArray();
        return new ChatLoadSettings(
            Path.GetFullPath(args[1]),
            Number("--chunks", 10_000),
            Number("--conversations", 20),
            Number("--turns", 10),
            think[0],
            think[^1],
            Option("--data") is { } data ? Path.GetFullPath(data) : null);
    }
}
