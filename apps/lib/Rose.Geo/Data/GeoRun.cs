using Rose.Storage;

namespace Rose.Geo.Data;

/// <summary>One run of the GEO workflow: what started it, where it stands and its figures.</summary>
public sealed class GeoRun : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    /// <summary>The workflow instance id (<c>{tenantId}_{localId}</c>), also the publish id.</summary>
    public string RunId { get; set; } = string.Empty;

    /// <summary>A <see cref="Runs.GeoRunTriggers"/> value.</summary>
    public string Trigger { get; set; } = string.Empty;

    /// <summary>A <see cref="Runs.GeoRunStatuses"/> value.</summary>
    public string Status { get; set; } = Runs.GeoRunStatuses.Running;

    /// <summary>For a run started by <c>knowledge.updated</c>: the document (<c>tenant:local</c>) whose pages are redrafted.</summary>
    public string? ChangedDocumentId { get; set; }

    public DateTimeOffset PeriodFrom { get; set; }

    public DateTimeOffset PeriodTo { get; set; }

    public int QuestionCount { get; set; }

    public int ClusterCount { get; set; }

    public string? IndexNowStatus { get; set; }

    public string? Failure { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
