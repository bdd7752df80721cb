namespace Rose.Knowledge.Retrieval;

/// <summary>A chunk as the in-memory index holds it; its position in the index is its ordinal.</summary>
public sealed record IndexedChunk(
    string DocumentId,
    string ChunkId,
    string Text,
    IReadOnlyList<string> HeadingPath,
    string Title,
    string? SourceUrl,
    int? Page);
