namespace Rose.Knowledge.Parsing;

public enum DocumentFormat
{
    PlainText,
    Markdown,
    Html,
    Pdf,
    Docx,
}
