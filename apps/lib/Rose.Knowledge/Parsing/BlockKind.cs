namespace Rose.Knowledge.Parsing;

/// <summary>The structural role of a block: the chunker keeps lists, tables and code whole where it can.</summary>
public enum BlockKind
{
    Heading,
    Paragraph,
    List,
    Table,
    Code,

    /// <summary>A question and its answer: always one chunk of its own.</summary>
    Faq,
}
