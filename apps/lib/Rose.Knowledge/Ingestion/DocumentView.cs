using Rose.Knowledge.Data;
using Rose.Storage;

namespace Rose.Knowledge.Ingestion;

/// <summary>A document as the API shows it; <see cref="Id"/> is composite (<c>tenantId:localId</c>).</summary>
public sealed record DocumentView(
    string Id,
    string Title,
    string? Url,
    string? ContentType,
    DocumentOrigin Origin,
    DocumentStatus Status,
    string? Error,
    int ChunkCount,
    string? ContentHash,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static DocumentView From(KnowledgeDocument d) =>
        new(TenantIds.Compose(d.TenantId, d.Id), d.Title, d.SourceUrl, d.ContentType, d.Origin, d.Status, d.Error, d.ChunkCount, d.ContentHash, d.CreatedAt, d.UpdatedAt);
}
