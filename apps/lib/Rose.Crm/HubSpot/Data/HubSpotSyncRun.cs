using Rose.Storage;

namespace Rose.Crm.HubSpot.Data;

/// <summary>
/// A full sync from HubSpot into Rose: the workflow's progress, page by page. The <c>after</c> cursors
/// are saved with each page, so a sync interrupted by a restart resumes at the page it was on.
/// </summary>
public sealed class HubSpotSyncRun : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    /// <summary>Also the workflow instance id.</summary>
    public string Id { get; set; } = string.Empty;

    public HubSpotSyncPhase Phase { get; set; }

    /// <summary>HubSpot's paging cursor for the current phase; null before the first page.</summary>
    public string? After { get; set; }

    public int Contacts { get; set; }

    public int Companies { get; set; }

    public string? Error { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}
