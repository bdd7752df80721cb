using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PdfPageSize = UglyToad.PdfPig.Content.PageSize;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Rose.Knowledge.Tests.Fixtures;

/// <summary>Small documents of every format, written here (no third-party text), PDF and DOCX generated in code.</summary>
public static class TestDocuments
{
    public const string Markdown = """
        ---
        title: Acme Rockets handbook
        ---

        # Acme Rockets handbook

        Acme Rockets builds reusable model rockets for schools.

        ## Pricing

        The Starter kit costs 49 euros and the Classroom kit costs 390 euros.

        - Starter kit: one rocket, one launcher
        - Classroom kit: twelve rockets, three launchers

        | Plan | Price |
        | --- | --- |
        | Starter | 49 |

        ## Safety

        Always launch outdoors, at least ten metres from people.

        ```
        launch --countdown 10
        ```
        """;

    public const string Html = """
        <html><head><title>Acme delivery</title></head>
        <body>
          <nav><a href="/">Home</a> <a href="/shop">Shop navigation link</a></nav>
          <main>
            <h1>Delivery</h1>
            <p>Orders ship from Lyon within two working days.</p>
            <h2>Returns</h2>
            <ul><li>Unused kits can be returned within 30 days.</li><li>Refunds take five days.</li></ul>
          </main>
          <footer>Copyright footer text</footer>
        </body></html>
        """;

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A two-page PDF; the second page talks about the warranty.</summary>
    public static byte[] Pdf(string firstPage = "Acme Rockets warranty guide", string secondPage = "The warranty covers launchers for two years.")
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var one = builder.AddPage(PdfPageSize.A4);
        one.AddText(firstPage, 12, new PdfPoint(40, 780), font);
        var two = builder.AddPage(PdfPageSize.A4);
        two.AddText(secondPage, 12, new PdfPoint(40, 780), font);
        return builder.Build();
    }

    /// <summary>A truncated PDF: the header is there, the rest is garbage.</summary>
    public static byte[] CorruptPdf() => [.. Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R"), .. new byte[64]];

    public static byte[] Docx()
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            main.Document = new Document(new Body(
                Styled("Heading1", "Support hours"),
                new Paragraph(new Run(new Text("Our support team answers from 9:00 to 18:00, Monday to Friday."))),
                Numbered("Call the hotline"),
                Numbered("Send an e-mail"),
                new Table(
                    new TableRow(Cell("Channel"), Cell("Reply time")),
                    new TableRow(Cell("E-mail"), Cell("One day")))));
        }

        return stream.ToArray();
    }

    private static Paragraph Styled(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new Text(text)));

    private static Paragraph Numbered(string text) =>
        new(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })), new Run(new Text(text)));

    private static TableCell Cell(string text) => new(new Paragraph(new Run(new Text(text))));
}
