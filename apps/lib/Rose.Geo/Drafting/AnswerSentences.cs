using System.Text.RegularExpressions;

namespace Rose.Geo.Drafting;

/// <summary>
/// Splits an answer or a passage into sentences: after ., ! or ? (and the citation marker that may
/// follow), before a capital, a digit or a quote; and after every citation marker (with its stop, if any),
/// whatever follows: the composer's sentences from code blocks and lists end without a stop or start
/// in lowercase.
/// </summary>
public static partial class AnswerSentences
{
    public static IReadOnlyList<string> Split(string text) =>
        [.. Boundary().Split(text.Replace('\n', ' ')).Select(s => s.Trim()).Where(s => s.Length > 0)];

    [GeneratedRegex(@"(?<=\[[\d,\s]+\][.!?…]?)\s+|(?<=[.!?])\s+(?=[\p{Lu}\p{N}""'(*`])")]
    private static partial Regex Boundary();
}
