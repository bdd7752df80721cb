namespace Rose.Crm.HubSpot.Data;

/// <summary>Which tenant a HubSpot portal belongs to: a webhook names only the portal, so this is read before any tenant is known.</summary>
public sealed class HubSpotPortal
{
    public long PortalId { get; set; }

    public string TenantId { get; set; } = string.Empty;
}
