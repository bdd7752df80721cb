namespace Rose.Knowledge.Parsing;

/// <summary>
/// Picks the parser for a payload and turns every failure into a <see cref="DocumentRejectedException"/>
/// whose message a person can act on, so a bad file fails alone and says why.
/// </summary>
public sealed class DocumentParser(IEnumerable<IDocumentParser> parsers)
{
    private readonly Dictionary<DocumentFormat, IDocumentParser> byFormat = parsers.ToDictionary(p => p.Format);

    public ParsedDocument Parse(byte[] content, string? contentType, string? nameOrUrl, string fallbackTitle)
    {
        if (content.Length == 0)
        {
            throw new DocumentRejectedException("The document is empty.");
        }

        var format = DocumentFormats.Detect(contentType, nameOrUrl)
            ?? throw new DocumentRejectedException(
                $"Unsupported document type '{contentType ?? "unknown"}': upload Markdown, HTML, PDF, DOCX or plain text.");
        ParsedDocument parsed;
        try
        {
            parsed = byFormat[format].Parse(content, fallbackTitle);
        }
        catch (Exception e) when (e is not DocumentRejectedException and not OutOfMemoryException)
        {
            throw new DocumentRejectedException($"The {format} document could not be read ({e.Message}).", e);
        }

        if (parsed.IsEmpty)
        {
            throw new DocumentRejectedException($"No text could be extracted from this {format} document (is it a scan without text?).");
        }

        return parsed;
    }

    /// <summary>The parsers Rose ships with, for hosts and tests that do not use dependency injection.</summary>
    public static DocumentParser CreateDefault() =>
        new([new MarkdownParser(), new HtmlParser(), new PdfParser(), new DocxParser(), new PlainTextParser()]);
}
