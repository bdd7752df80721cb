using Rose.Storage;

namespace Rose.Geo.Site.Data;

/// <summary>
/// A custom hostname a tenant asked Rose to serve its GEO site on. Served only once verified: the
/// tenant proved control of it with <see cref="Token"/> in a DNS TXT record or an HTTP file.
/// </summary>
public sealed class GeoHostname : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    /// <summary>Lowercase ASCII (IDN labels in punycode); one tenant per hostname across Rose.</summary>
    public string Host { get; set; } = string.Empty;

    public string Token { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? VerifiedAt { get; set; }

    public DateTimeOffset? LastCheckedAt { get; set; }

    /// <summary>How the last successful check found the token: <c>dns</c> or <c>http</c>.</summary>
    public string? VerifiedBy { get; set; }

    /// <summary>Checks that failed in a row; a verified hostname is withdrawn after a few, not one (DNS has bad minutes).</summary>
    public int ConsecutiveFailures { get; set; }

    public string? LastError { get; set; }
}
