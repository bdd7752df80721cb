using Rose.Storage;

namespace Rose.Knowledge.Data;

/// <summary>A retrievable passage of a document, with its vector and where it came from.</summary>
public sealed class KnowledgeChunk : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    public string Id { get; set; } = string.Empty;

    public string DocumentId { get; set; } = string.Empty;

    /// <summary>Position in the document, so that neighbours can be found and order kept.</summary>
    public int Ordinal { get; set; }

    public string Text { get; set; } = string.Empty;

    /// <summary>Headings above the passage, joined by <see cref="HeadingSeparator"/>.</summary>
    public string HeadingPath { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public string? SourceUrl { get; set; }

    /// <summary>1-based page for paginated sources (PDF).</summary>
    public int? Page { get; set; }

    public int TokenCount { get; set; }

    /// <summary>The model that made <see cref="Embedding"/>; a different current model means re-embedding.</summary>
    public string EmbeddingModel { get; set; } = string.Empty;

    public int EmbeddingDimensions { get; set; }

    /// <summary>Little-endian float32 values, <see cref="EmbeddingDimensions"/> of them.</summary>
    public byte[] Embedding { get; set; } = [];

    public const string HeadingSeparator = " > ";
}
