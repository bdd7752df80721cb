using Rose.Storage;

namespace Rose.Tenancy.Data;

/// <summary>A client of Rose: one website, one knowledge base, one widget.</summary>
public sealed class Tenant : ITenantOwned
{
    /// <summary>The tenant's own id (a slug such as <c>demo</c>).</summary>
    public string TenantId { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    /// <summary>The widget's public key (<c>pk_…</c>); not a secret, it sits in the client's HTML.</summary>
    public string PublicKey { get; set; } = string.Empty;

    /// <summary>SHA-256 of the management API key (<c>rk_…</c>); the key itself is never stored.</summary>
    public string ApiKeyHash { get; set; } = string.Empty;

    /// <summary>Origins (scheme://host[:port]) allowed to call the widget API with the public key.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    public WidgetSettings Widget { get; set; } = new();

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// Set when Rose staff off-board the tenant: from then on its keys and logins are refused, while
    /// the off-boarding workflow erases its data and, last, this row.
    /// </summary>
    public DateTimeOffset? OffboardedAt { get; set; }
}
