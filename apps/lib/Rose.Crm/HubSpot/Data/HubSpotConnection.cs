using Rose.Storage;

namespace Rose.Crm.HubSpot.Data;

/// <summary>
/// A tenant's link to one HubSpot portal. The tokens are stored only as Data Protection ciphertext
/// (<see cref="Connections.HubSpotTokenProtector"/>); nothing here is ever returned by an API.
/// </summary>
public sealed class HubSpotConnection : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    public HubSpotAuthKind Kind { get; set; }

    /// <summary>HubSpot's portal (hub) id, read from the account-info API on connect: webhooks name the tenant by it.</summary>
    public long PortalId { get; set; }

    public string ProtectedAccessToken { get; set; } = string.Empty;

    /// <summary>OAuth only: the refresh token that renews <see cref="ProtectedAccessToken"/>.</summary>
    public string? ProtectedRefreshToken { get; set; }

    /// <summary>OAuth only: when the access token stops working (HubSpot's are valid for 30 minutes).</summary>
    public DateTimeOffset? AccessTokenExpiresAt { get; set; }

    public DateTimeOffset ConnectedAt { get; set; }

    /// <summary>The tenant's choice: an erasure in Rose also asks HubSpot to GDPR-delete the contact.</summary>
    public bool GdprDeleteOnErasure { get; set; }

    /// <summary>Where the incremental sync resumes: contacts modified at or after this instant.</summary>
    public DateTimeOffset? LastIncrementalSyncAt { get; set; }
}
