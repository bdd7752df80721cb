using System.Text.RegularExpressions;

namespace Rose.Geo.Site.Rendering;

/// <summary>The request paths a site has, and which of them are pages that search engines should hear about.</summary>
internal static partial class GeoSitePaths
{
    public const string Index = "";
    public const string Sitemap = "sitemap.xml";
    public const string Robots = "robots.txt";
    public const string LlmsTxt = "llms.txt";

    /// <summary>Slugs are one path segment of lowercase letters, digits and dashes: nothing in them can climb out of the site.</summary>
    public static bool IsValidSlug(string slug) => SlugPattern().IsMatch(slug) && slug.Length <= 120;

    public static string MarkdownOf(string slug) => slug + ".md";

    public static string KeyFileOf(string indexNowKey) => indexNowKey + ".txt";

    /// <summary>Whether a change to this path is worth an IndexNow ping (pages, their twins, the index, sitemap, llms.txt; not robots.txt or the key file).</summary>
    public static bool IsAnnounced(string path, string indexNowKey) => path != Robots && path != KeyFileOf(indexNowKey);

    public static string ContentTypeOf(string path) => path switch
    {
        Index => "text/html; charset=utf-8",
        Sitemap => "application/xml; charset=utf-8",
        _ when path.EndsWith(".md", StringComparison.Ordinal) => "text/markdown; charset=utf-8",
        _ when path.EndsWith(".txt", StringComparison.Ordinal) => "text/plain; charset=utf-8",
        _ => "text/html; charset=utf-8",
    };

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
