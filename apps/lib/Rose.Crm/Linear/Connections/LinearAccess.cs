namespace Rose.Crm.Linear.Connections;

/// <summary>What a call to Linear needs for the current tenant: its decrypted key and its team. Lives for one request, never stored or logged.</summary>
public sealed record LinearAccess(string ApiKey, string TeamId);
