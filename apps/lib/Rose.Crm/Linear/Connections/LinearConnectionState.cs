namespace Rose.Crm.Linear.Connections;

/// <summary>The tenant's Linear connection as the API and the backoffice show it: the team, never the key.</summary>
public sealed record LinearConnectionState(bool Connected, string? TeamId, string? TeamKey, string? TeamName, DateTimeOffset? ConnectedAt);
