using System.Text.RegularExpressions;

namespace Rose.Llm.Composer;

/// <summary>
/// Splits passage text into sentences: line breaks first (list items, headings and table rows are
/// units of their own), then end punctuation followed by a capital, a digit or an opening mark.
/// Markdown decoration is removed so that the answer reads as prose. Headings and questions are
/// dropped: a heading that restates the visitor's question scores highest and answers nothing.
/// </summary>
internal static partial class SentenceSplitter
{
    public static IReadOnlyList<string> Split(string text)
    {
        var sentences = new List<string>();
        foreach (var rawLine in text.Split('\n'))
        {
            var trimmed = rawLine.Trim();
            if (trimmed.StartsWith('#'))
            {
                continue;
            }

            var line = Decoration().Replace(trimmed, string.Empty).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            sentences.AddRange(Boundary().Split(line)
                .Select(s => Spaces().Replace(s, " ").Trim())
                .Where(s => s.Length > 0 && !s.EndsWith('?')));
        }

        return sentences;
    }

    public static int WordCount(string sentence) => Spaces().Split(sentence.Trim()).Length;

    [GeneratedRegex(@"(?<=[.!?…])[""'»”)]*\s+(?=[\p{Lu}\p{N}""'«“(¿¡])")]
    private static partial Regex Boundary();

    [GeneratedRegex(@"^(#{1,6}\s+|[-*+•]\s+|\d{1,3}[.)]\s+|>\s*)|\*\*|__|`")]
    private static partial Regex Decoration();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
