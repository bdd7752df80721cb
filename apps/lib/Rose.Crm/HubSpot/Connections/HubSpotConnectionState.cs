namespace Rose.Crm.HubSpot.Connections;

/// <summary>What the API and the backoffice show of a tenant's HubSpot connection: never a token.</summary>
/// <param name="Kind"><c>private-app</c> or <c>oauth</c>; null when not connected.</param>
/// <param name="OAuthAvailable">Whether the operator configured the OAuth app (the connect button).</param>
public sealed record HubSpotConnectionState(
    bool Connected,
    string? Kind,
    long? PortalId,
    DateTimeOffset? ConnectedAt,
    bool GdprDeleteOnErasure,
    DateTimeOffset? LastIncrementalSyncAt,
    int PendingFailures,
    bool OAuthAvailable);
