using Bunit;
using Rose.Backoffice.Pages.Components.Shared;
using Xunit;

namespace Rose.Backoffice.Tests;

/// <summary>The mail page's bodies: web addresses become links, everything else (markup, script URLs) stays text.</summary>
public sealed class LinkedTextTests : BunitContext
{
    [Fact]
    public void Render_links_web_addresses_and_shows_markup_and_script_urls_as_text()
    {
        var text = Render<LinkedText>(p => p.Add(t => t.Text,
            "Open https://rose.test/backoffice/invitations/a-b_c. <script>alert(1)</script> javascript:alert(2) (http://rose.test/x)"));

        var links = text.FindAll("a");
        Assert.Equal(["https://rose.test/backoffice/invitations/a-b_c", "http://rose.test/x"], links.Select(a => a.GetAttribute("href")));
        Assert.Empty(text.FindAll("script"));
        Assert.Contains("<script>alert(1)</script> javascript:alert(2) (", text.Find(".linked-text").TextContent, StringComparison.Ordinal);
        Assert.EndsWith(")", text.Find(".linked-text").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_of_text_without_addresses_has_no_link()
    {
        var text = Render<LinkedText>(p => p.Add(t => t.Text, "No link here, only ftp://rose.test and words."));

        Assert.Empty(text.FindAll("a"));
        Assert.Equal("No link here, only ftp://rose.test and words.", text.Find(".linked-text").TextContent);
    }
}
