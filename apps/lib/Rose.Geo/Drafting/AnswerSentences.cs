using System.Text.RegularExpressions;

namespace Rose.Geo.Drafting;

/// <summary>Splits an answer or a passage into sentences (after ., ! or ? and a citation marker, before a capital or a digit).</summary>
public static partial class AnswerSentences
{
    public static IReadOnlyList<string> Split(string text) =>
        [.. Boundary().Split(text.Replace('\n', ' ')).Select(s => s.Trim()).Where(s => s.Length > 0)];

    [GeneratedRegex(@"(?<=[.!?](?:\s*\[[\d,\s]+\])?)\s+(?=[\p{Lu}\p{N}\[""'(*`])")]
    private static partial Regex Boundary();
}
