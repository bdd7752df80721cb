using Rose.Knowledge.Parsing;
using Rose.Knowledge.Tests.Fixtures;
using Xunit;

namespace Rose.Knowledge.Tests;

public sealed class ParsingTests
{
    private readonly DocumentParser parser = DocumentParser.CreateDefault();

    [Fact]
    public void Parse_reads_markdown_structure_and_front_matter_title()
    {
        var parsed = parser.Parse(TestDocuments.Utf8(TestDocuments.Markdown), "text/markdown", "handbook.md", "fallback");

        Assert.Equal("Acme Rockets handbook", parsed.Title);
        Assert.Contains(parsed.Blocks, b => b is { Kind: BlockKind.Heading, HeadingLevel: 2, Text: "Pricing" });
        Assert.Contains(parsed.Blocks, b => b.Kind == BlockKind.List && b.Text.Contains("- Classroom kit", StringComparison.Ordinal));
        Assert.Contains(parsed.Blocks, b => b.Kind == BlockKind.Table && b.Text.Contains("Starter | 49", StringComparison.Ordinal));
        Assert.Contains(parsed.Blocks, b => b.Kind == BlockKind.Code && b.Text.Contains("launch --countdown", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_keeps_only_the_main_content_of_html()
    {
        var parsed = parser.Parse(TestDocuments.Utf8(TestDocuments.Html), null, "https://acme.test/delivery.html", "fallback");

        Assert.Equal("Acme delivery", parsed.Title);
        var text = string.Join("\n", parsed.Blocks.Select(b => b.Text));
        Assert.Contains("ship from Lyon", text, StringComparison.Ordinal);
        Assert.Contains(parsed.Blocks, b => b.Kind == BlockKind.List && b.Text.Contains("30 days", StringComparison.Ordinal));
        Assert.DoesNotContain("navigation", text, StringComparison.Ordinal);
        Assert.DoesNotContain("footer", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_reads_pdf_text_with_page_numbers()
    {
        var parsed = parser.Parse(TestDocuments.Pdf(), "application/pdf", "warranty.pdf", "Warranty");

        Assert.Contains(parsed.Blocks, b => b.Page == 1 && b.Text.Contains("warranty guide", StringComparison.Ordinal));
        Assert.Contains(parsed.Blocks, b => b.Page == 2 && b.Text.Contains("two years", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_reads_docx_headings_lists_and_tables()
    {
        var parsed = parser.Parse(TestDocuments.Docx(), null, "support.docx", "fallback");

        Assert.Equal("Support hours", parsed.Title);
        Assert.Contains(parsed.Blocks, b => b is { Kind: BlockKind.Heading, HeadingLevel: 1 });
        Assert.Contains(parsed.Blocks, b => b.Kind == BlockKind.List && b.Text.Contains("- Send an e-mail", StringComparison.Ordinal));
        Assert.Contains(parsed.Blocks, b => b.Kind == BlockKind.Table && b.Text.Contains("E-mail | One day", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_splits_plain_text_into_paragraphs()
    {
        var parsed = parser.Parse(TestDocuments.Utf8("First paragraph\nstill first.\n\nSecond paragraph."), "text/plain", "notes.txt", "Notes");

        Assert.Equal(["First paragraph still first.", "Second paragraph."], parsed.Blocks.Select(b => b.Text));
        Assert.Equal("Notes", parsed.Title);
    }

    [Fact]
    public void Parse_rejects_a_corrupt_pdf_with_a_readable_reason()
    {
        var error = Assert.Throws<DocumentRejectedException>(() => parser.Parse(TestDocuments.CorruptPdf(), "application/pdf", "broken.pdf", "Broken"));

        Assert.Contains("PDF could not be read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_rejects_a_file_that_is_not_a_pdf_but_claims_to_be()
    {
        var error = Assert.Throws<DocumentRejectedException>(() => parser.Parse(TestDocuments.Utf8("hello"), "application/pdf", "fake.pdf", "Fake"));

        Assert.Contains("not a PDF", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_rejects_unsupported_types_naming_the_supported_ones()
    {
        var error = Assert.Throws<DocumentRejectedException>(() => parser.Parse([1, 2, 3], "image/png", "logo.png", "Logo"));

        Assert.Contains("Markdown, HTML, PDF, DOCX or plain text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_rejects_a_damaged_docx()
    {
        var error = Assert.Throws<DocumentRejectedException>(() => parser.Parse([0x50, 0x4B, 3, 4, 0, 0, 0], null, "broken.docx", "Broken"));

        Assert.Contains("Word document could not be read", error.Message, StringComparison.Ordinal);
    }
}
