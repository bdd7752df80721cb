namespace Rose.Crm.HubSpot.Connections;

/// <summary>How a connection attempt ended.</summary>
public enum HubSpotConnectOutcome
{
    Connected,

    /// <summary>HubSpot refused the token (or the authorization code).</summary>
    TokenRejected,

    /// <summary>The portal is already connected to another tenant: a webhook could not say whose it is.</summary>
    PortalTakenByAnotherTenant,

    /// <summary>HubSpot could not be reached or failed; nothing was stored.</summary>
    HubSpotUnavailable,

    /// <summary>The OAuth state is unknown, expired or another tenant's.</summary>
    InvalidState,
}
