namespace Rose.Crm.HubSpot.Api;

/// <summary>The tenant's choices for its connection.</summary>
public sealed record HubSpotSettingsRequest(bool GdprDeleteOnErasure);
