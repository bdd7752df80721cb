using System.Text.RegularExpressions;

namespace Rose.Knowledge.Parsing;

/// <summary>Plain text: paragraphs are separated by blank lines; a short first line is the title.</summary>
public sealed partial class PlainTextParser : IDocumentParser
{
    public DocumentFormat Format => DocumentFormat.PlainText;

    public ParsedDocument Parse(byte[] content, string fallbackTitle)
    {
        var text = TextNormalizer.Decode(content).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new DocumentRejectedException("The file is not text: it contains binary data.");
        }

        var paragraphs = BlankLines().Split(text)
            .Select(TextNormalizer.Collapse)
            .Where(p => p.Length > 0)
            .Select(p => new ContentBlock(BlockKind.Paragraph, p))
            .ToList();
        return new ParsedDocument(fallbackTitle, paragraphs);
    }

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLines();
}
