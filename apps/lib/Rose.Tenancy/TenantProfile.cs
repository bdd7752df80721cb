using Rose.Tenancy.Data;

namespace Rose.Tenancy;

/// <summary>An immutable snapshot of a tenant, as resolved for a request.</summary>
public sealed record TenantProfile(
    string TenantId,
    string Name,
    string PublicKey,
    IReadOnlyList<string> AllowedOrigins,
    WidgetSettingsView Widget)
{
    public static TenantProfile From(Tenant tenant) => new(
        tenant.TenantId,
        tenant.Name,
        tenant.PublicKey,
        tenant.AllowedOrigins.ToArray(),
        WidgetSettingsView.From(tenant.Widget));

    /// <summary>Exact, case-insensitive match of scheme, host and port; <c>*</c> allows any origin.</summary>
    public bool AllowsOrigin(string origin)
    {
        var normalized = OriginNames.Normalize(origin);
        return normalized is not null
               && AllowedOrigins.Any(allowed => allowed == "*" || string.Equals(OriginNames.Normalize(allowed), normalized, StringComparison.OrdinalIgnoreCase));
    }
}
