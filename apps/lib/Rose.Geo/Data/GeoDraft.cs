using Rose.Storage;

namespace Rose.Geo.Data;

/// <summary>
/// What a run proposes for one page (a cluster of visitor questions): the canonical question, the
/// drafted answer and its citations, and the review's decision. A cluster the knowledge base cannot
/// answer is a content gap (<see cref="IsGap"/>) and is never published.
/// </summary>
public sealed class GeoDraft : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    public string RunId { get; set; } = string.Empty;

    public string PageId { get; set; } = string.Empty;

    public string Slug { get; set; } = string.Empty;

    public string Question { get; set; } = string.Empty;

    /// <summary>The visitor questions of the cluster, as JSON (without personal data).</summary>
    public List<string> SourceQuestions { get; set; } = [];

    public int ConversationCount { get; set; }

    /// <summary>Plain text with <c>[n]</c> markers; n is the position in <see cref="Citations"/>, from 1.</summary>
    public string? Answer { get; set; }

    public List<StoredGeoCitation> Citations { get; set; } = [];

    public bool Drafted { get; set; }

    public bool IsGap { get; set; }

    /// <summary>A <see cref="Runs.GeoPageStates"/> value.</summary>
    public string State { get; set; } = Runs.GeoPageStates.PendingReview;

    public bool Edited { get; set; }

    public string Topic { get; set; } = string.Empty;
}
