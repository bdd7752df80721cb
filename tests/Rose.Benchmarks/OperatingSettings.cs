using System.Globalization;

namespace Rose.Benchmarks;

/// <summary>
/// The operating runs (<c>load</c>, <c>soak</c>, <c>faults</c>): <c>[--visitors 200] [--seconds 90]
/// [--minutes 10] (soak) [--warmup 60] (seconds) [--think 4000-12000] (milliseconds) [--out folder]
/// [--hasty 4] [--llm]</c> (answers by an LLM stub rather than the offline composer).
/// </summary>
internal sealed record OperatingSettings(
    int Visitors, TimeSpan Duration, TimeSpan Warmup, TimeSpan MinThink, TimeSpan MaxThink, int HastyVisitors, string OutputFolder, bool WithLlm)
{
    public static OperatingSettings Parse(IReadOnlyList<string> args)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Option(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
        var think = (Option("--think") ?? "4000-12000").Split('-').Select(v => TimeSpan.FromMilliseconds(int.Parse(v, CultureInfo.InvariantCulture))).ToArray();
        var soak = args.Count > 0 && args[0] == "soak";
        var duration = Option("--minutes") is { } minutes
            ? TimeSpan.FromMinutes(double.Parse(minutes, CultureInfo.InvariantCulture))
            : soak ? TimeSpan.FromMinutes(10) : TimeSpan.FromSeconds(Number("--seconds", 90));
        var output = Option("--out") ?? Path.Combine("TestResults", "operating");
        return new OperatingSettings(
            Number("--visitors", 200),
            duration,
            TimeSpan.FromSeconds(Number("--warmup", soak ? 60 : 0)),
            think[0],
            think[^1],
            Number("--hasty", 4),
            Path.GetFullPath(output),
            args.Contains("--llm"));
    }
}
