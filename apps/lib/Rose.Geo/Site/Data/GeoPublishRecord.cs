using Rose.Storage;

namespace Rose.Geo.Site.Data;

/// <summary>
/// One publish, keyed by its publish id (the workflow's instance id), so that a retried call knows how
/// far the first one got: the changed URLs are fixed when the set is written, the manifest switch and
/// the IndexNow answer are recorded as they happen.
/// </summary>
public sealed class GeoPublishRecord : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    public string PublishId { get; set; } = string.Empty;

    public GeoPublishStage Stage { get; set; }

    /// <summary>JSON array of absolute URLs.</summary>
    public string ChangedUrls { get; set; } = "[]";

    public string? IndexNowStatus { get; set; }

    public int PageCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
