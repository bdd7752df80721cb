using System.Text.RegularExpressions;

namespace Rose.Chat.Guardrails;

/// <summary>
/// Output rules (OWASP LLM02/LLM05): links only to the tenant's own hosts and the cited sources,
/// no images, no HTML. A link elsewhere keeps its text and loses its target.
/// </summary>
public sealed partial class AnswerSanitizer(IReadOnlyCollection<string> allowedHosts)
{
    public string Clean(string answer)
    {
        var text = Image().Replace(answer, m => m.Groups["alt"].Value);
        text = Html().Replace(text, string.Empty);

        // Links first, then bare URLs in the text between them, so a URL is judged once.
        var cleaned = new System.Text.StringBuilder(text.Length);
        var position = 0;
        foreach (Match link in MarkdownLink().Matches(text))
        {
            cleaned.Append(CleanBareUrls(text[position..link.Index]));
            cleaned.Append(IsAllowed(link.Groups["url"].Value) ? link.Value : link.Groups["text"].Value);
            position = link.Index + link.Length;
        }

        cleaned.Append(CleanBareUrls(text[position..]));
        return cleaned.ToString();
    }

    public bool IsAllowed(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && allowedHosts.Any(host => string.Equals(uri.Host, host, StringComparison.OrdinalIgnoreCase));

    /// <summary>The hosts a tenant's answers may link to: its allowed origins and the cited sources.</summary>
    public static IReadOnlyCollection<string> HostsOf(IEnumerable<string> origins, IEnumerable<string?> sourceUrls) =>
        origins.Concat(sourceUrls.OfType<string>())
            .Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri.Host : null)
            .OfType<string>()
            .Where(h => h.Length > 0)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    private string CleanBareUrls(string text) =>
        BareUrl().Replace(text, m => IsAllowed(m.Value) ? m.Value : "[link removed]");

    [GeneratedRegex(@"!\[(?<alt>[^\]]{0,300})\]\([^)]{0,2000}\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"<\/?[a-zA-Z][^>]{0,500}>")]
    private static partial Regex Html();

    [GeneratedRegex(@"\[(?<text>[^\]]{0,300})\]\((?<url>[^)\s]{1,2000})\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\bhttps?://[^\s)\]>""']+", RegexOptions.IgnoreCase)]
    private static partial Regex BareUrl();
}
