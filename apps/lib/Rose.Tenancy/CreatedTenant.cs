namespace Rose.Tenancy;

/// <summary>A new tenant and its management API key, which is shown this once and never stored in clear.</summary>
public sealed record CreatedTenant(TenantProfile Tenant, string ApiKey);
