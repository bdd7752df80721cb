using System.Globalization;
using System.Text.RegularExpressions;
using Rose.Llm.Composer;

namespace Rose.Llm.Answering;

/// <summary>Finds the <c>[n]</c> markers an LLM wrote and maps them to the numbered passages it was given.</summary>
internal static partial class CitationParser
{
    /// <summary>The number each passage carries in the prompt: its own, or its 1-based position.</summary>
    public static int NumberOf(IReadOnlyList<GroundingPassage> passages, int index) => passages[index].Number ?? index + 1;

    public static IReadOnlyList<Citation> Parse(string text, IReadOnlyList<GroundingPassage> passages)
    {
        var byNumber = Enumerable.Range(0, passages.Count).ToDictionary(i => NumberOf(passages, i), i => passages[i]);
        return Marker().Matches(text)
            .SelectMany(m => m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries))
            .Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : -1)
            .Distinct()
            .Where(byNumber.ContainsKey)
            .Select(n => new Citation(n, byNumber[n]))
            .ToList();
    }

    [GeneratedRegex(@"\[(\d+(?:\s*,\s*\d+)*)\]")]
    private static partial Regex Marker();
}
