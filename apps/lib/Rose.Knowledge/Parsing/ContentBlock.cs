namespace Rose.Knowledge.Parsing;

/// <summary>One structural unit of a parsed document, in reading order.</summary>
/// <param name="HeadingLevel">1–6 for headings, 0 otherwise.</param>
/// <param name="Page">1-based page for paginated formats.</param>
public sealed record ContentBlock(BlockKind Kind, string Text, int HeadingLevel = 0, int? Page = null);
