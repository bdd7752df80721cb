using System.Text;

namespace Rose.Geo.Site.Rendering;

/// <summary>
/// Text from visitors and documents written into Markdown as text: every ASCII punctuation character
/// that Markdown (CommonMark) reads as syntax, including <c>&lt;</c> that would start inline HTML, gets
/// a backslash, and line breaks are collapsed where the text must stay on one line.
/// </summary>
internal static class MarkdownText
{
    private const string Special = "\\`*_{}[]()<>#+-.!|~\"'&=:";

    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (Special.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    public static string EscapeLine(string text) => Escape(OneLine(text));

    public static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
