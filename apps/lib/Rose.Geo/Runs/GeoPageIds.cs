using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Rose.Geo.Runs;

/// <summary>Page ids and slugs: derived from the canonical question once, then kept with the page.</summary>
public static partial class GeoPageIds
{
    private const int MaxSlugLength = 80;

    public static string ForQuestion(string question) =>
        "q" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(question))))[..15];

    /// <summary>Lowercase ASCII words joined by dashes, cut at a word under 80 characters.</summary>
    public static string SlugFor(string question)
    {
        var folded = new StringBuilder();
        foreach (var c in question.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(char.ToLowerInvariant(c));
            }
        }

        var words = NonWord().Split(folded.ToString()).Where(w => w.Length > 0 && w.All(char.IsAscii));
        var slug = new StringBuilder();
        foreach (var word in words)
        {
            if (slug.Length + word.Length + 1 > MaxSlugLength)
            {
                break;
            }

            slug.Append(slug.Length > 0 ? "-" : string.Empty).Append(word);
        }

        return slug.Length > 0 ? slug.ToString() : "question";
    }

    public static string Normalize(string question) =>
        string.Join(' ', NonWord().Split(question.ToLowerInvariant()).Where(w => w.Length > 0));

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();
}
