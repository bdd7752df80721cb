using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Rose.Knowledge.Parsing;

/// <summary>PDF text in content order, one block per paragraph, each with its page number.</summary>
public sealed partial class PdfParser : IDocumentParser
{
    public DocumentFormat Format => DocumentFormat.Pdf;

    public ParsedDocument Parse(byte[] content, string fallbackTitle)
    {
        if (content.Length < 5 || content[0] != '%' || content[1] != 'P' || content[2] != 'D' || content[3] != 'F')
        {
            throw new DocumentRejectedException("The file is not a PDF: it does not start with the %PDF header.");
        }

        var blocks = new List<ContentBlock>();
        string? title;
        try
        {
            using var pdf = PdfDocument.Open(content);
            title = pdf.Information.Title;
            foreach (var page in pdf.GetPages())
            {
                var text = ContentOrderTextExtractor.GetText(page);
                foreach (var paragraph in BlankLines().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal)))
                {
                    var collapsed = TextNormalizer.Collapse(paragraph);
                    if (collapsed.Length > 0)
                    {
                        blocks.Add(new ContentBlock(BlockKind.Paragraph, collapsed, Page: page.Number));
                    }
                }
            }
        }
        catch (Exception e) when (e is not DocumentRejectedException and not OutOfMemoryException)
        {
            throw new DocumentRejectedException($"The PDF could not be read; it may be damaged or encrypted ({e.Message}).", e);
        }

        return new ParsedDocument(string.IsNullOrWhiteSpace(title) ? fallbackTitle : title, blocks);
    }

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLines();
}
