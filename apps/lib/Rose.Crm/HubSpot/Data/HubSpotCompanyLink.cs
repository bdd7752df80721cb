using Rose.Storage;

namespace Rose.Crm.HubSpot.Data;

/// <summary>A HubSpot company, by its domain, as the full sync or a push found it.</summary>
public sealed class HubSpotCompanyLink : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    public string CompanyId { get; set; } = string.Empty;

    /// <summary>Lowercase; null when HubSpot has none.</summary>
    public string? Domain { get; set; }

    public string? Name { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
