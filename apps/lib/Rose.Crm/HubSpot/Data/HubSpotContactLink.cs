using Rose.Storage;

namespace Rose.Crm.HubSpot.Data;

/// <summary>
/// One of the tenant's leads as HubSpot knows it: the contact Rose upserted (or the full sync found),
/// and what HubSpot's team changed on it since (lifecycle stage, owner, deletion), as webhooks and syncs report.
/// </summary>
public sealed class HubSpotContactLink : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    /// <summary>HubSpot's contact id (hs_object_id).</summary>
    public string ContactId { get; set; } = string.Empty;

    /// <summary>The contact's e-mail, lowercase; null when HubSpot has none.</summary>
    public string? Email { get; set; }

    public string? CompanyId { get; set; }

    public string? LifecycleStage { get; set; }

    public string? OwnerId { get; set; }

    /// <summary>HubSpot deleted the contact; Rose keeps its own lead and stops pushing to this one.</summary>
    public bool Deleted { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
