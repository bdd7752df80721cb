namespace Rose.Tenancy;

/// <summary>What staff give to create a tenant. Keys are generated unless given (the demo seeder gives them).</summary>
public sealed record NewTenant(
    string TenantId,
    string Name,
    IReadOnlyList<string>? AllowedOrigins = null,
    WidgetSettingsView? Widget = null,
    string? PublicKey = null,
    string? ApiKey = null);
