using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Rose.Storage.Secrets;

/// <summary>
/// Encrypts a tenant's secret for storage and decrypts it where it is used. The tenant id is part of
/// the protection purpose, so a ciphertext copied into another tenant's row does not decrypt.
/// Uses its own Data Protection key ring (<see cref="SecretKeyRingDbContext"/>), not the host's, so
/// that secrets do not depend on how a host configures cookies and antiforgery.
/// </summary>
public sealed class TenantSecretProtector(IDataProtectionProvider provider)
{
    private const string Purpose = "Rose.TenantSecrets.v1";

    public string Protect(string tenantId, string purpose, string secret) =>
        provider.CreateProtector(Purpose, purpose, tenantId).Protect(secret);

    /// <summary>The secret, or null when the ciphertext is not this tenant's or the key is gone.</summary>
    public string? Unprotect(string tenantId, string purpose, string protectedSecret)
    {
        try
        {
            return provider.CreateProtector(Purpose, purpose, tenantId).Unprotect(protectedSecret);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
