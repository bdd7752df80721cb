namespace Rose.Knowledge.Parsing;

/// <summary>What every parser produces: a title and the blocks in reading order.</summary>
public sealed record ParsedDocument(string Title, IReadOnlyList<ContentBlock> Blocks)
{
    public bool IsEmpty => Blocks.All(b => string.IsNullOrWhiteSpace(b.Text));
}
