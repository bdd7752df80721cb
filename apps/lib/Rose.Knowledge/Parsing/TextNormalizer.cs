using System.Text;
using System.Text.RegularExpressions;

namespace Rose.Knowledge.Parsing;

internal static partial class TextNormalizer
{
    /// <summary>Collapses runs of whitespace into single spaces: extracted text is full of layout whitespace.</summary>
    public static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>Decodes bytes as UTF-8 (BOM-aware), the encoding of nearly every text file we receive.</summary>
    public static string Decode(byte[] content)
    {
        using var reader = new StreamReader(new MemoryStream(content), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    public static string StripTags(string html) => Collapse(System.Net.WebUtility.HtmlDecode(Tags().Replace(html, " ")));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
