using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Rose.Crm.HubSpot.Connections;

/// <summary>
/// Encrypts the tenants' HubSpot tokens for storage. A Data Protection stack of its own (application
/// name <c>rose-hubspot</c>), whose key ring is kept in <see cref="Data.HubSpotDirectoryDbContext"/>
/// in the shared database: every app that stores or uses a token (backoffice, worker, standalone) and
/// every replica reads the same keys. The tenant id is part of the purpose, so a ciphertext copied into
/// another tenant's row does not decrypt.
/// </summary>
public sealed class HubSpotTokenProtector(IDataProtectionProvider provider)
{
    private const string Purpose = "Rose.Crm.HubSpot.Tokens.v1";

    public string Protect(string tenantId, string token) => provider.CreateProtector(Purpose, tenantId).Protect(token);

    /// <summary>The token, or null when the ciphertext is not this tenant's or its key is gone (the tenant connects again).</summary>
    public string? Unprotect(string tenantId, string protectedToken)
    {
        try
        {
            return provider.CreateProtector(Purpose, tenantId).Unprotect(protectedToken);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
