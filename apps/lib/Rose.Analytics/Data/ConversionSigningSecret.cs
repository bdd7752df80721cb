using Rose.Storage;

namespace Rose.Analytics.Data;

/// <summary>The tenant's secret for server-to-server conversions, encrypted (<c>TenantSecretProtector</c>); shown once when created.</summary>
public sealed class ConversionSigningSecret : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    public string ProtectedSecret { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}
