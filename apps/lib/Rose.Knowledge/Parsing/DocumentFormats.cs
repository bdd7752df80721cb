namespace Rose.Knowledge.Parsing;

/// <summary>Decides the format from the media type first, then from the file name or URL path.</summary>
public static class DocumentFormats
{
    public const string Markdown = "text/markdown";
    public const string Html = "text/html";
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string PlainText = "text/plain";

    public static DocumentFormat? Detect(string? contentType, string? nameOrUrl)
    {
        var media = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        switch (media)
        {
            case Markdown or "text/x-markdown":
                return DocumentFormat.Markdown;
            case Html or "application/xhtml+xml":
                return DocumentFormat.Html;
            case Pdf:
                return DocumentFormat.Pdf;
            case Docx:
                return DocumentFormat.Docx;
        }

        var extension = Extension(nameOrUrl);
        var byName = extension switch
        {
            ".md" or ".markdown" or ".mdx" => DocumentFormat.Markdown,
            ".html" or ".htm" => DocumentFormat.Html,
            ".pdf" => DocumentFormat.Pdf,
            ".docx" => DocumentFormat.Docx,
            ".txt" or ".text" => DocumentFormat.PlainText,
            _ => (DocumentFormat?)null,
        };
        if (byName is not null)
        {
            return byName;
        }

        return media switch
        {
            PlainText => DocumentFormat.PlainText,
            null or "" or "application/octet-stream" => null,
            _ when media.StartsWith("text/", StringComparison.Ordinal) => DocumentFormat.PlainText,
            _ => null,
        };
    }

    public static string MediaType(DocumentFormat format) => format switch
    {
        DocumentFormat.Markdown => Markdown,
        DocumentFormat.Html => Html,
        DocumentFormat.Pdf => Pdf,
        DocumentFormat.Docx => Docx,
        _ => PlainText,
    };

    private static string Extension(string? nameOrUrl)
    {
        if (string.IsNullOrEmpty(nameOrUrl))
        {
            return string.Empty;
        }

        var path = Uri.TryCreate(nameOrUrl, UriKind.Absolute, out var uri) && uri.Scheme.StartsWith("http", StringComparison.Ordinal)
            ? uri.AbsolutePath
            : nameOrUrl.Split('#', '?')[0];
        return Path.GetExtension(path).ToLowerInvariant();
    }
}
