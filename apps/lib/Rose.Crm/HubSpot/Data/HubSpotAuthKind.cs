namespace Rose.Crm.HubSpot.Data;

/// <summary>How a tenant connected its portal.</summary>
public enum HubSpotAuthKind
{
    /// <summary>A private app's access token, pasted by the tenant; it does not expire.</summary>
    PrivateApp,

    /// <summary>OAuth 2 authorization code: a short-lived access token renewed with a refresh token.</summary>
    OAuth,
}
