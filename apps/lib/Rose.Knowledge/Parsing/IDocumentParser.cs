namespace Rose.Knowledge.Parsing;

/// <summary>Turns the bytes of one format into structural blocks.</summary>
public interface IDocumentParser
{
    DocumentFormat Format { get; }

    ParsedDocument Parse(byte[] content, string fallbackTitle);
}
