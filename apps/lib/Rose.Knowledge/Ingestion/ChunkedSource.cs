using Rose.Knowledge.Chunking;

namespace Rose.Knowledge.Ingestion;

/// <summary>Output of the chunk step.</summary>
public sealed record ChunkedSource(DocumentRef Document, string Title, string? SourceUrl, string ContentHash, IReadOnlyList<ChunkDraft> Chunks);
