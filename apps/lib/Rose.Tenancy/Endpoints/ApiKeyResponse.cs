namespace Rose.Tenancy.Endpoints;

/// <summary>A management API key, shown once.</summary>
public sealed record ApiKeyResponse(string ApiKey);
