using Rose.Knowledge.Parsing;

namespace Rose.Knowledge.Ingestion;

/// <summary>Output of the fetch-and-parse step. <see cref="Unchanged"/>: same content as indexed, nothing more to do.</summary>
public sealed record ParsedSource(DocumentRef Document, string Title, string? SourceUrl, string ContentHash, bool Unchanged, IReadOnlyList<ContentBlock> Blocks);
