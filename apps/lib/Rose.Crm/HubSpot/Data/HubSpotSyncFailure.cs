using Rose.Storage;

namespace Rose.Crm.HubSpot.Data;

/// <summary>
/// A push to HubSpot that failed after its retries: kept until a replay succeeds (the backoffice's
/// Integrations page, or the incremental sync job), so a lead is never silently lost.
/// </summary>
public sealed class HubSpotSyncFailure : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    public string Id { get; set; } = string.Empty;

    public HubSpotPushKind Kind { get; set; }

    /// <summary>The lead id (captured) or the conversation id (qualified), or the e-mail's digest (erasure).</summary>
    public string SourceId { get; set; } = string.Empty;

    /// <summary>An erasure's e-mail, protected like the tokens: kept only until HubSpot has deleted the contact.</summary>
    public string? ProtectedEmail { get; set; }

    public string Error { get; set; } = string.Empty;

    public int Attempts { get; set; }

    public DateTimeOffset FirstFailedAt { get; set; }

    public DateTimeOffset LastFailedAt { get; set; }
}
