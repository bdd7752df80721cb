using Rose.Storage;

namespace Rose.Knowledge.Data;

/// <summary>One source of a tenant's knowledge base: an upload, a web page, an FAQ entry, a Drive file.</summary>
public sealed class KnowledgeDocument : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    public string Id { get; set; } = string.Empty;

    /// <summary>What makes two submissions "the same document" (URL, file name, FAQ question, Drive id): re-submitting replaces.</summary>
    public string SourceKey { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    /// <summary>The client chose the title: the one inside the file (HTML title, PDF metadata) does not replace it.</summary>
    public bool TitleIsExplicit { get; set; }

    /// <summary>Given at ingestion and returned verbatim (fragment included) so citations can deep-link.</summary>
    public string? SourceUrl { get; set; }

    /// <summary>Media type of the payload (text/markdown, application/pdf…); null until fetched for URL sources.</summary>
    public string? ContentType { get; set; }

    public DocumentOrigin Origin { get; set; }

    /// <summary>The uploaded bytes, kept so that loading can resume after a restart; null for fetched sources.</summary>
    public byte[]? Payload { get; set; }

    public DocumentStatus Status { get; set; }

    /// <summary>Human-readable reason when <see cref="Status"/> is failed.</summary>
    public string? Error { get; set; }

    /// <summary>SHA-256 of the parsed content that the current chunks were made from.</summary>
    public string? ContentHash { get; set; }

    public int ChunkCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
