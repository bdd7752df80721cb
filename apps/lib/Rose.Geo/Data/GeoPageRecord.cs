using Rose.Storage;

namespace Rose.Geo.Data;

/// <summary>
/// A tenant's FAQ page across runs: its stable id and slug, the question's embedding (so that the
/// same need asked again next week finds this page), and what is published. State is
/// <c>published</c> or <c>unpublished</c> once a run decided it.
/// </summary>
public sealed class GeoPageRecord : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    public string PageId { get; set; } = string.Empty;

    public string Slug { get; set; } = string.Empty;

    public string Question { get; set; } = string.Empty;

    /// <summary>The canonical question's embedding (float32, little endian), compared with next runs' clusters.</summary>
    public byte[] QuestionVector { get; set; } = [];

    public string? Answer { get; set; }

    public List<StoredGeoCitation> Citations { get; set; } = [];

    /// <summary>A <see cref="Runs.GeoPageStates"/> value; <c>pending-review</c> until a run first publishes or rejects it.</summary>
    public string State { get; set; } = Runs.GeoPageStates.PendingReview;

    public string Topic { get; set; } = string.Empty;

    /// <summary>The run that last published or unpublished it.</summary>
    public string? LastRunId { get; set; }

    public string? IndexNowStatus { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
