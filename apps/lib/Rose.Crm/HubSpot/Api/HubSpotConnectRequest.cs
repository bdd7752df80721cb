namespace Rose.Crm.HubSpot.Api;

/// <summary>A private app's access token (<c>pat-…</c>), with the scopes Rose needs.</summary>
public sealed record HubSpotConnectRequest(string? AccessToken);
