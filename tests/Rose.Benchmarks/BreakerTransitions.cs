using System.Text.RegularExpressions;

namespace Rose.Benchmarks;

/// <summary>
/// Reads the LLM circuit-breaker transitions out of the host's log lines
/// (<c>LLM circuit of stub: closed -> open …</c>) and counts them in order of first appearance.
/// </summary>
internal static partial class BreakerTransitions
{
    public static bool IsTransition(string line) => Transition().IsMatch(line);

    /// <summary>For example <c>closed -> open ×1, open -> half-open ×3, half-open -> open ×2, half-open -> closed ×1</c>.</summary>
    public static List<string> In(IEnumerable<string> lines) =>
        [.. lines.Select(l => Transition().Match(l)).Where(m => m.Success)
            .GroupBy(m => $"{m.Groups["provider"].Value}: {m.Groups["from"].Value} -> {m.Groups["to"].Value}", StringComparer.Ordinal)
            .Select(g => $"{g.Key} ×{g.Count()}")];

    [GeneratedRegex(@"LLM circuit of (?<provider>[^:\s]+): (?<from>closed|open|half-open) -> (?<to>closed|open|half-open)")]
    private static partial Regex Transition();
}
