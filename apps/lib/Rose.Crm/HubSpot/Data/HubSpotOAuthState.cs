using Rose.Storage;

namespace Rose.Crm.HubSpot.Data;

/// <summary>An OAuth authorization in progress: the callback must bring back a state Rose issued, within its lifetime.</summary>
public sealed class HubSpotOAuthState : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    /// <summary>The random part of the state parameter (the tenant id is its prefix).</summary>
    public string Nonce { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}
