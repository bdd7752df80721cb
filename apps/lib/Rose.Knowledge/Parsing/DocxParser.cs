using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Rose.Knowledge.Parsing;

/// <summary>Word documents: heading styles become headings, numbered paragraphs lists, tables tables.</summary>
public sealed class DocxParser : IDocumentParser
{
    public DocumentFormat Format => DocumentFormat.Docx;

    public ParsedDocument Parse(byte[] content, string fallbackTitle)
    {
        var blocks = new List<ContentBlock>();
        string? title;
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var word = WordprocessingDocument.Open(stream, false);
            title = word.PackageProperties.Title;
            var body = word.MainDocumentPart?.Document?.Body
                ?? throw new DocumentRejectedException("The Word document has no body.");
            var list = new StringBuilder();
            foreach (var element in body.ChildElements)
            {
                switch (element)
                {
                    case Paragraph paragraph:
                        var text = TextNormalizer.Collapse(paragraph.InnerText);
                        var style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? string.Empty;
                        var isListItem = paragraph.ParagraphProperties?.NumberingProperties is not null
                            || style.StartsWith("List", StringComparison.OrdinalIgnoreCase);
                        if (!isListItem)
                        {
                            FlushList(blocks, list);
                        }

                        if (text.Length == 0)
                        {
                            continue;
                        }

                        if (isListItem)
                        {
                            list.Append("- ").AppendLine(text);
                        }
                        else if (HeadingLevel(style) is > 0 and var level)
                        {
                            blocks.Add(new ContentBlock(BlockKind.Heading, text, level));
                            if (level == 1 || style.Equals("Title", StringComparison.OrdinalIgnoreCase))
                            {
                                title ??= text;
                            }
                        }
                        else
                        {
                            blocks.Add(new ContentBlock(BlockKind.Paragraph, text));
                        }

                        break;
                    case Table table:
                        FlushList(blocks, list);
                        var rows = table.Elements<TableRow>()
                            .Select(row => string.Join(" | ", row.Elements<TableCell>().Select(c => TextNormalizer.Collapse(c.InnerText))));
                        blocks.Add(new ContentBlock(BlockKind.Table, string.Join("\n", rows)));
                        break;
                }
            }

            FlushList(blocks, list);
        }
        catch (Exception e) when (e is not DocumentRejectedException and not OutOfMemoryException)
        {
            throw new DocumentRejectedException($"The Word document could not be read; it may be damaged ({e.Message}).", e);
        }

        return new ParsedDocument(string.IsNullOrWhiteSpace(title) ? fallbackTitle : title, blocks);
    }

    private static int HeadingLevel(string style)
    {
        if (style.Equals("Title", StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        return style.StartsWith("Heading", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(style.AsSpan("Heading".Length), out var level)
            ? Math.Clamp(level, 1, 6)
            : 0;
    }

    private static void FlushList(List<ContentBlock> blocks, StringBuilder list)
    {
        if (list.Length > 0)
        {
            blocks.Add(new ContentBlock(BlockKind.List, list.ToString().TrimEnd()));
            list.Clear();
        }
    }
}
