using System.Net;
using System.Security.Cryptography;
using System.Text;
using Rose.Platform.State;
using Rose.Storage;

namespace Rose.Enrichment;

/// <summary>
/// Identifications kept in the platform's state store (Redis on Dapr), per tenant. The address is
/// stored only as a SHA-256 digest: the key finds the company again without keeping the visitor's
/// IP, which is personal data.
/// </summary>
public sealed class KnownVisitorCompanies(IStateStore state) : IVisitorCompanies
{
    public async Task<VisitorCompany?> FindAsync(string tenantId, IPAddress? visitorAddress, CancellationToken cancellationToken)
    {
        TenantIds.EnsureValid(tenantId);
        if (visitorAddress is null)
        {
            return null;
        }

        var entry = await state.GetAsync<VisitorCompany>(tenantId, Key(visitorAddress), cancellationToken);
        return entry?.Value;
    }

    public Task RememberAsync(string tenantId, IPAddress visitorAddress, VisitorCompany company, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        TenantIds.EnsureValid(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(company.Name);
        return state.SaveAsync(tenantId, Key(visitorAddress), company, timeToLive, cancellationToken);
    }

    // An IPv4 visitor reaching a dual-stack socket shows up as ::ffff:a.b.c.d: one key for both forms.
    private static string Key(IPAddress address)
    {
        var canonical = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return $"enrichment-company:{Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(canonical.ToString())))}";
    }
}
