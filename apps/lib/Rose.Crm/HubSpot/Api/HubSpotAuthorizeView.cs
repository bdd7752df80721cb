namespace Rose.Crm.HubSpot.Api;

/// <summary>Where to send the browser for HubSpot's consent screen.</summary>
public sealed record HubSpotAuthorizeView(Uri AuthorizeUrl);
