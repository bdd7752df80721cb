using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using AngleSharp.Html.Parser;
using Rose.Geo.Site.Rendering;
using Xunit;

namespace Rose.Geo.Tests.Site;

public sealed class GeoSiteRendererTests
{
    private static readonly GeoSiteContext Site = new("acme", "Acme <Docs>", "https://faq.acme.test", "en", "#ff0000", "#ffffff", "0123456789abcdef0123456789abcdef");

    private readonly IReadOnlyList<GeoSiteFile> files = new GeoSiteRenderer().Render(Site, HostilePages.All());

    private string Text(string path) => Encoding.UTF8.GetString(files.Single(f => f.Path == path).Content);

    [Theory]
    [InlineData("")]
    [InlineData("how-to-install")]
    [InlineData("pricing")]
    public void Render_writes_no_script_or_markup_from_content_when_every_field_is_hostile(string path)
    {
        var document = new HtmlParser().ParseDocument(Text(path));

        // The one script element is the JSON-LD data block of the template.
        var script = Assert.Single(document.QuerySelectorAll("script"));
        Assert.Equal("application/ld+json", script.GetAttribute("type"));
        Assert.Empty(document.QuerySelectorAll("img, iframe, b, object, embed, svg"));
        foreach (var element in document.All)
        {
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            foreach (var attribute in element.Attributes.Where(a => a.Name is "href" or "src" or "content"))
            {
                Assert.DoesNotMatch("^\\s*(javascript|data):", attribute.Value);
            }
        }
    }

    [Fact]
    public void Render_keeps_hostile_text_as_visible_text_when_it_escapes_it()
    {
        var document = new HtmlParser().ParseDocument(Text("how-to-install"));

        Assert.Equal("How do I install <script>alert('q')</script> Rose?", document.QuerySelector("h1")!.TextContent);
        Assert.Contains("<img src=x onerror=alert('a')>", document.QuerySelector("article")!.TextContent, StringComparison.Ordinal);
        // A javascript: citation is shown as its title, without a link; the https one is a link.
        var links = document.QuerySelectorAll(".sources a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["https://docs.example.com/install?a=1&b=%3Cx%3E"], links);
        Assert.Equal("https://faq.acme.test/how-to-install", document.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("https://faq.acme.test/how-to-install", document.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
        Assert.StartsWith("Run it.", document.QuerySelector("meta[name=description]")!.GetAttribute("content"), StringComparison.Ordinal);
        Assert.Contains("How do I install", document.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_gives_the_index_FAQPage_json_ld_with_every_question_and_its_accepted_answer()
    {
        var document = new HtmlParser().ParseDocument(Text(""));
        using var json = JsonDocument.Parse(document.QuerySelector("script")!.TextContent);
        var root = json.RootElement;

        Assert.Equal("https://schema.org", root.GetProperty("@context").GetString());
        Assert.Equal("FAQPage", root.GetProperty("@type").GetString());
        var questions = root.GetProperty("mainEntity").EnumerateArray().ToList();
        Assert.Equal(HostilePages.All().Select(p => p.Question).Order(), questions.Select(q => q.GetProperty("name").GetString()!).Order());
        foreach (var question in questions)
        {
            Assert.Equal("Question", question.GetProperty("@type").GetString());
            var answer = question.GetProperty("acceptedAnswer");
            Assert.Equal("Answer", answer.GetProperty("@type").GetString());
            Assert.False(string.IsNullOrWhiteSpace(answer.GetProperty("text").GetString()));
        }
    }

    [Fact]
    public void Render_gives_a_single_question_page_QAPage_json_ld_whose_answer_is_the_text_as_given()
    {
        var page = HostilePages.All()[0];
        var document = new HtmlParser().ParseDocument(Text(page.Slug));
        var raw = document.QuerySelector("script")!.TextContent;
        using var json = JsonDocument.Parse(raw);

        Assert.DoesNotContain("</script", raw, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("QAPage", json.RootElement.GetProperty("@type").GetString());
        var question = json.RootElement.GetProperty("mainEntity");
        Assert.Equal(page.Question, question.GetProperty("name").GetString());
        Assert.Equal(page.Answer, question.GetProperty("acceptedAnswer").GetProperty("text").GetString());
        Assert.Equal(1, question.GetProperty("answerCount").GetInt32());
    }

    [Fact]
    public void Render_writes_a_sitemap_that_validates_against_the_sitemaps_org_schema()
    {
        var schemas = new XmlSchemaSet();
        schemas.Add("http://www.sitemaps.org/schemas/sitemap/0.9", Path.Combine(AppContext.BaseDirectory, "Site", "sitemap.xsd"));
        var errors = new List<string>();
        var sitemap = XDocument.Parse(Text("sitemap.xml"));

        sitemap.Validate(schemas, (_, e) => errors.Add(e.Message));

        Assert.Empty(errors);
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var urls = sitemap.Descendants(ns + "url").ToDictionary(u => u.Element(ns + "loc")!.Value, u => u.Element(ns + "lastmod")!.Value);
        Assert.Equal(["https://faq.acme.test/", "https://faq.acme.test/how-to-install", "https://faq.acme.test/pricing"], urls.Keys.Order());
        Assert.Equal(XmlConvert.ToDateTimeOffset(urls["https://faq.acme.test/how-to-install"]), HostilePages.Updated);
        Assert.Equal(XmlConvert.ToDateTimeOffset(urls["https://faq.acme.test/"]), HostilePages.Updated);
    }

    [Fact]
    public void Render_writes_a_sitemap_that_a_hostile_answer_cannot_add_urls_to()
    {
        Assert.DoesNotContain("evil.example", Text("sitemap.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_writes_llms_txt_in_the_llmstxt_org_format_linking_every_markdown_twin()
    {
        var lines = Text("llms.txt").Split('\n');

        Assert.Equal("# Acme \\<Docs\\>", lines[0]);
        Assert.Equal(string.Empty, lines[1]);
        Assert.StartsWith("> ", lines[2], StringComparison.Ordinal);
        var sections = lines.Where(l => l.StartsWith("## ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, sections.Count);
        Assert.All(lines.Where(l => l.StartsWith('#') && !l.StartsWith("## ", StringComparison.Ordinal)).Skip(1), l => Assert.Fail($"a second H1: {l}"));
        var links = lines.Where(l => l.StartsWith("- [", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, links.Count);
        Assert.All(links, l => Assert.Matches(@"^- \[.+\]\(https://faq\.acme\.test/[a-z0-9-]+\.md\)(: .+)?$", l));
        // Only the page index: no second H1, no raw HTML from content.
        Assert.DoesNotContain("<script>", Text("llms.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_writes_markdown_twins_where_content_html_and_links_stay_text()
    {
        var markdown = Text("how-to-install.md");

        Assert.StartsWith("# How do I install \\<script\\>", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("](javascript", Text("pricing.md"), StringComparison.Ordinal);
        Assert.Contains("(<https://docs.example.com/install?a=1&b=%3Cx%3E>)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_writes_robots_txt_and_the_indexnow_key_file()
    {
        Assert.Contains("Sitemap: https://faq.acme.test/sitemap.xml", Text("robots.txt"), StringComparison.Ordinal);
        Assert.Equal(Site.IndexNowKey, Text(Site.IndexNowKey + ".txt"));
    }

    [Fact]
    public void Render_takes_the_theme_from_valid_colours_only()
    {
        var hostile = Site with { PrimaryColor = "red;}</style><script>alert(777)</script>" };
        var html = Encoding.UTF8.GetString(new GeoSiteRenderer().Render(hostile, HostilePages.All()).Single(f => f.Path == "").Content);

        Assert.Contains("--rose-primary:#ff0000", Text(""), StringComparison.Ordinal);
        Assert.DoesNotContain("alert(777)", html, StringComparison.Ordinal);
        Assert.Single(new HtmlParser().ParseDocument(html).QuerySelectorAll("script"));
    }

    [Fact]
    public void Render_refuses_a_slug_that_could_leave_the_site()
    {
        Assert.Throws<ArgumentException>(() => new GeoSiteRenderer().Render(Site, [HostilePages.Page("../etc", "Q?")]));
    }
}
