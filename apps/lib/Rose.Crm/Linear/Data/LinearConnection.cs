using Rose.Storage;

namespace Rose.Crm.Linear.Data;

/// <summary>
/// A tenant's link to one Linear team. The API key is stored only as ciphertext of the shared secret
/// key ring (<see cref="Storage.Secrets.TenantSecretProtector"/>); nothing here but the team is ever returned by an API.
/// </summary>
public sealed class LinearConnection : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    /// <summary>The team's id as Linear answered it (a UUID), whatever the tenant typed (id or key).</summary>
    public string TeamId { get; set; } = string.Empty;

    /// <summary>The team's short key (<c>ENG</c>), the prefix of its issue identifiers.</summary>
    public string TeamKey { get; set; } = string.Empty;

    public string TeamName { get; set; } = string.Empty;

    public string ProtectedApiKey { get; set; } = string.Empty;

    public DateTimeOffset ConnectedAt { get; set; }
}
