using System.ComponentModel.DataAnnotations;

namespace Rose.Knowledge.Chunking;

/// <summary>Configuration section <c>Rose:Knowledge:Chunking</c>.</summary>
public sealed class ChunkingOptions
{
    public const string SectionName = "Rose:Knowledge:Chunking";

    /// <summary>Word pieces per embedding input, heading path included. MiniLM reads 256 and ignores the rest.</summary>
    [Range(32, 8192)]
    public int MaxTokens { get; set; } = 256;

    /// <summary>Word pieces repeated from the previous chunk when a section is split, so no sentence loses its context.</summary>
    [Range(0, 1024)]
    public int OverlapTokens { get; set; } = 32;
}
