using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml;
using Fluid;

namespace Rose.Geo.Site.Rendering;

/// <summary>
/// Renders a tenant's whole site from its pages: per page the HTML (Liquid template, every value
/// HTML-encoded by Fluid's encoder; the only raw outputs are the stylesheet built from validated colours and
/// JSON-LD serialized with <see cref="JavaScriptEncoder.Default"/>, which writes <c>&lt;</c> as <c>\u003C</c>
/// so that no content can close the script element) and its Markdown twin; the index by topic, sitemap.xml,
/// robots.txt, llms.txt and the IndexNow key file. Deterministic: the same pages give the same bytes, so a
/// republish of an unchanged page changes nothing.
/// </summary>
internal sealed partial class GeoSiteRenderer
{
    private static readonly FluidParser Parser = new();
    private static readonly IFluidTemplate PageTemplate = Load("page.liquid");
    private static readonly IFluidTemplate IndexTemplate = Load("index.liquid");
    private static readonly JsonSerializerOptions JsonLd = new() { Encoder = JavaScriptEncoder.Default };

    private const string DefaultPrimary = "#1f6feb";
    private const string DefaultText = "#ffffff";

    public IReadOnlyList<GeoSiteFile> Render(GeoSiteContext site, IReadOnlyList<GeoPage> pages)
    {
        Validate(pages);
        var ordered = pages.OrderBy(p => p.Slug, StringComparer.Ordinal).ToList();
        var files = new List<GeoSiteFile>();
        foreach (var page in ordered)
        {
            files.Add(Html(page.Slug, RenderPage(site, page)));
            files.Add(Text(GeoSitePaths.MarkdownOf(page.Slug), RenderMarkdown(site, page)));
        }

        files.Add(Html(GeoSitePaths.Index, RenderIndex(site, ordered)));
        files.Add(Text(GeoSitePaths.Sitemap, RenderSitemap(site, ordered)));
        files.Add(Text(GeoSitePaths.Robots, RenderRobots(site)));
        files.Add(Text(GeoSitePaths.LlmsTxt, RenderLlmsTxt(site, ordered)));
        files.Add(Text(GeoSitePaths.KeyFileOf(site.IndexNowKey), site.IndexNowKey));
        return files;
    }

    private static void Validate(IReadOnlyList<GeoPage> pages)
    {
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            if (!GeoSitePaths.IsValidSlug(page.Slug))
            {
                throw new ArgumentException($"Page {page.PageId} has the slug '{page.Slug}'; use lowercase letters, digits and dashes.", nameof(pages));
            }

            if (!slugs.Add(page.Slug))
            {
                throw new ArgumentException($"Two pages have the slug '{page.Slug}'.", nameof(pages));
            }
        }
    }

    private static string RenderPage(GeoSiteContext site, GeoPage page)
    {
        var url = site.UrlOf(page.Slug);
        var citations = page.Citations.Select(c => new Dictionary<string, object?>
        {
            ["title"] = c.Title,
            ["url"] = SafeLink(c.Url),
            ["quote"] = string.IsNullOrWhiteSpace(c.Quote) ? null : c.Quote,
        }).ToList();
        var model = new Dictionary<string, object?>
        {
            ["question"] = page.Question,
            ["topic"] = page.Topic,
            ["description"] = Describe(page.Answer),
            ["url"] = url,
            ["markdown_url"] = site.UrlOf(GeoSitePaths.MarkdownOf(page.Slug)),
            ["paragraphs"] = Paragraphs(page.Answer).Cast<object?>().ToList(),
            ["citations"] = citations,
            ["has_citations"] = citations.Count > 0,
            ["updated_iso"] = Iso(page.UpdatedAt),
            ["updated_text"] = page.UpdatedAt.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
            ["json_ld"] = QaPageJsonLd(page, url),
        };
        return Run(PageTemplate, SiteModel(site, pages: null), model, topics: null);
    }

    private static string RenderIndex(GeoSiteContext site, List<GeoPage> pages)
    {
        var topics = pages
            .GroupBy(p => p.Topic.Trim().Length == 0 ? "General" : p.Topic.Trim(), StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => (object?)new Dictionary<string, object?>
            {
                ["name"] = g.Key,
                ["pages"] = g.OrderBy(p => p.Question, StringComparer.OrdinalIgnoreCase)
                    .Select(p => (object?)new Dictionary<string, object?> { ["question"] = p.Question, ["url"] = site.UrlOf(p.Slug) })
                    .ToList(),
            })
            .ToList();
        return Run(IndexTemplate, SiteModel(site, pages), page: null, topics);
    }

    private static Dictionary<string, object?> SiteModel(GeoSiteContext site, List<GeoPage>? pages)
    {
        var model = new Dictionary<string, object?>
        {
            ["name"] = site.Name,
            ["title"] = $"{site.Name}: questions and answers",
            ["summary"] = Summary(site),
            ["language"] = LanguagePattern().IsMatch(site.Language) ? site.Language : "en",
            ["index_url"] = site.UrlOf(GeoSitePaths.Index),
            ["css"] = Css(site),
        };
        if (pages is not null)
        {
            model["json_ld"] = FaqPageJsonLd(site, pages);
        }

        return model;
    }

    private static string Run(IFluidTemplate template, Dictionary<string, object?> site, Dictionary<string, object?>? page, List<object?>? topics)
    {
        var context = new TemplateContext();
        context.SetValue("site", site);
        if (page is not null)
        {
            context.SetValue("page", page);
        }

        if (topics is not null)
        {
            context.SetValue("topics", topics);
        }

        return template.Render(context, HtmlEncoder.Default);
    }

    private static string QaPageJsonLd(GeoPage page, string url)
    {
        var answer = new JsonObject
        {
            ["@type"] = "Answer",
            ["text"] = page.Answer,
            ["url"] = url,
            ["dateModified"] = Iso(page.UpdatedAt),
        };
        var citations = page.Citations.Select(c => SafeLink(c.Url)).OfType<string>().ToList();
        if (citations.Count > 0)
        {
            answer["citation"] = new JsonArray([.. citations.Select(c => (JsonNode)JsonValue.Create(c)!)]);
        }

        var document = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "QAPage",
            ["url"] = url,
            ["mainEntity"] = new JsonObject
            {
                ["@type"] = "Question",
                ["name"] = page.Question,
                ["text"] = page.Question,
                ["answerCount"] = 1,
                ["dateModified"] = Iso(page.UpdatedAt),
                ["acceptedAnswer"] = answer,
            },
        };
        return document.ToJsonString(JsonLd);
    }

    private static string FaqPageJsonLd(GeoSiteContext site, List<GeoPage> pages)
    {
        var document = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "FAQPage",
            ["url"] = site.UrlOf(GeoSitePaths.Index),
            ["name"] = $"{site.Name}: questions and answers",
            ["mainEntity"] = new JsonArray([.. pages.Select(p => (JsonNode)new JsonObject
            {
                ["@type"] = "Question",
                ["name"] = p.Question,
                ["url"] = site.UrlOf(p.Slug),
                ["acceptedAnswer"] = new JsonObject { ["@type"] = "Answer", ["text"] = p.Answer },
            })]),
        };
        return document.ToJsonString(JsonLd);
    }

    private static string RenderMarkdown(GeoSiteContext site, GeoPage page)
    {
        var markdown = new StringBuilder();
        markdown.Append("# ").Append(MarkdownText.EscapeLine(page.Question)).Append("\n\n");
        foreach (var paragraph in Paragraphs(page.Answer))
        {
            markdown.Append(MarkdownText.Escape(paragraph)).Append("\n\n");
        }

        if (page.Citations.Count > 0)
        {
            markdown.Append("## Sources\n\n");
            var number = 1;
            foreach (var citation in page.Citations)
            {
                var link = SafeLink(citation.Url);
                var title = MarkdownText.EscapeLine(citation.Title);
                markdown.Append(number++.ToString(CultureInfo.InvariantCulture)).Append(". ")
                    .Append(link is null ? title : $"[{title}](<{link}>)");
                if (!string.IsNullOrWhiteSpace(citation.Quote))
                {
                    markdown.Append(": \u201c").Append(MarkdownText.EscapeLine(citation.Quote)).Append('\u201d');
                }

                markdown.Append('\n');
            }

            markdown.Append('\n');
        }

        markdown.Append("Updated ").Append(page.UpdatedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Append(". Canonical: <").Append(site.UrlOf(page.Slug)).Append(">\n");
        return markdown.ToString();
    }

    private static string RenderSitemap(GeoSiteContext site, List<GeoPage> pages)
    {
        var builder = new StringBuilder();
        using (var xml = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8, OmitXmlDeclaration = true }))
        {
            const string ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
            xml.WriteStartElement("urlset", ns);
            var newest = pages.Count == 0 ? (DateTimeOffset?)null : pages.Max(p => p.UpdatedAt);
            WriteUrl(xml, ns, site.UrlOf(GeoSitePaths.Index), newest);
            foreach (var page in pages)
            {
                WriteUrl(xml, ns, site.UrlOf(page.Slug), page.UpdatedAt);
            }

            xml.WriteEndElement();
        }

        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + builder + "\n";
    }

    private static void WriteUrl(XmlWriter xml, string ns, string location, DateTimeOffset? lastModified)
    {
        xml.WriteStartElement("url", ns);
        xml.WriteElementString("loc", ns, location);
        if (lastModified is { } modified)
        {
            xml.WriteElementString("lastmod", ns, Iso(modified));
        }

        xml.WriteEndElement();
    }

    private static string RenderRobots(GeoSiteContext site) =>
        $"User-agent: *\nAllow: /\n\nSitemap: {site.UrlOf(GeoSitePaths.Sitemap)}\n";

    /// <summary>llmstxt.org: an H1 with the name, a blockquote summary, then H2 sections of Markdown links with notes.</summary>
    private static string RenderLlmsTxt(GeoSiteContext site, List<GeoPage> pages)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(MarkdownText.EscapeLine(site.Name)).Append("\n\n");
        text.Append("> ").Append(MarkdownText.EscapeLine(Summary(site))).Append("\n\n");
        text.Append("Each page is also served as Markdown; the links below point to the Markdown versions.\n\n");
        foreach (var topic in pages
                     .GroupBy(p => p.Topic.Trim().Length == 0 ? "General" : p.Topic.Trim(), StringComparer.OrdinalIgnoreCase)
                     .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase))
        {
            text.Append("## ").Append(MarkdownText.EscapeLine(topic.Key)).Append("\n\n");
            foreach (var page in topic.OrderBy(p => p.Question, StringComparer.OrdinalIgnoreCase))
            {
                text.Append("- [").Append(MarkdownText.EscapeLine(page.Question)).Append("](")
                    .Append(site.UrlOf(GeoSitePaths.MarkdownOf(page.Slug))).Append("): ")
                    .Append(MarkdownText.EscapeLine(Describe(page.Answer))).Append('\n');
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string Summary(GeoSiteContext site) =>
        $"Answers to the questions visitors ask {site.Name}, written from {site.Name}'s own documentation, with their sources.";

    /// <summary>Only absolute http(s) links become hrefs: a <c>javascript:</c> or <c>data:</c> citation is shown as text.</summary>
    private static string? SafeLink(string url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;

    private static List<string> Paragraphs(string answer) =>
        [.. answer.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0)];

    private static string Describe(string answer)
    {
        var text = MarkdownText.OneLine(answer);
        if (text.Length <= 155)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', 154);
        return text[..(cut > 80 ? cut : 154)] + "\u2026";
    }

    private static string Css(GeoSiteContext site)
    {
        // Colours come from the widget's settings; anything not a plain hex colour falls back, so nothing else reaches the stylesheet.
        var primary = HexColor().IsMatch(site.PrimaryColor) ? site.PrimaryColor : DefaultPrimary;
        var text = HexColor().IsMatch(site.TextColor) ? site.TextColor : DefaultText;
        return $":root{{--rose-primary:{primary};--rose-on-primary:{text}}}"
               + "body{margin:0;font:16px/1.6 system-ui,sans-serif;color:#1b1f24;background:#fff}"
               + "header{background:var(--rose-primary);padding:.75rem 1.25rem}header a{color:var(--rose-on-primary);text-decoration:none;font-weight:600}"
               + "main{max-width:46rem;margin:0 auto;padding:1.5rem 1.25rem}a{color:var(--rose-primary)}"
               + ".topic,.updated{color:#57606a;font-size:.875rem}blockquote{margin:.25rem 0 .5rem 1rem;color:#57606a}";
    }

    private static string Iso(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    private static IFluidTemplate Load(string name)
    {
        using var stream = typeof(GeoSiteRenderer).Assembly.GetManifestResourceStream($"Rose.Geo.Site.Templates.{name}")
            ?? throw new InvalidOperationException($"The template {name} is not embedded in Rose.Geo.");
        using var reader = new StreamReader(stream);
        return Parser.TryParse(reader.ReadToEnd(), out var template, out var error)
            ? template
            : throw new InvalidOperationException($"The template {name} does not parse: {error}");
    }

    private static GeoSiteFile Html(string path, string html) => new(path, GeoSitePaths.ContentTypeOf(path), Encoding.UTF8.GetBytes(html));

    private static GeoSiteFile Text(string path, string text) => new(path, GeoSitePaths.ContentTypeOf(path), Encoding.UTF8.GetBytes(text));

    [GeneratedRegex("^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$", RegexOptions.CultureInvariant)]
    private static partial Regex HexColor();

    [GeneratedRegex("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguagePattern();
}
