using System.Net;
using System.Security.Cryptography;
using System.Text;
using Rose.Enrichment.Providers;
using Rose.Platform.State;
using Rose.Storage;

namespace Rose.Enrichment;

/// <summary>
/// Identifications kept in the platform's state store (Redis on Dapr), per tenant. The address is
/// stored only as a SHA-256 digest: the key finds the company again without keeping the visitor's
/// IP, which is personal data. A miss queues the address for the cascade (when a provider is
/// configured): the answer never waits for it, later turns find it. Companies are kept
/// <see cref="CompanyTtl"/>, negative answers <see cref="MissTtl"/>.
/// </summary>
public sealed class KnownVisitorCompanies(IStateStore state, IdentificationCascade cascade, PendingIdentifications queue) : IVisitorCompanies
{
    public static readonly TimeSpan CompanyTtl = TimeSpan.FromDays(30);
    public static readonly TimeSpan MissTtl = TimeSpan.FromDays(7);

    public async Task<VisitorCompany?> FindAsync(string tenantId, IPAddress? visitorAddress, CancellationToken cancellationToken)
    {
        TenantIds.EnsureValid(tenantId);
        if (visitorAddress is null)
        {
            return null;
        }

        var address = Canonical(visitorAddress);
        var entry = await state.GetAsync<VisitorCompany>(tenantId, Key(address), cancellationToken);
        if (entry is null && cascade.IsEnabled && await state.GetAsync<NetworkKind>(tenantId, MissKey(address), cancellationToken) is null)
        {
            queue.TryEnqueue(tenantId, address);
        }

        return entry?.Value;
    }

    public Task RememberAsync(string tenantId, IPAddress visitorAddress, VisitorCompany company, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        TenantIds.EnsureValid(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(company.Name);
        return state.SaveAsync(tenantId, Key(Canonical(visitorAddress)), company, timeToLive, cancellationToken);
    }

    /// <summary>Keeps the cascade's answer: the company for 30 days, or that there is none (and the network's kind) for 7.</summary>
    public Task RecordAsync(string tenantId, IPAddress visitorAddress, IdentificationResult result, CancellationToken cancellationToken) =>
        result.Company is { } company
            ? RememberAsync(tenantId, visitorAddress, new VisitorCompany(company.Name, company.Domain, company.Provider), CompanyTtl, cancellationToken)
            : state.SaveAsync(tenantId, MissKey(Canonical(visitorAddress)), result.Network, MissTtl, cancellationToken);

    // An IPv4 visitor reaching a dual-stack socket shows up as ::ffff:a.b.c.d: one key for both forms.
    private static IPAddress Canonical(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static string Key(IPAddress address) => $"enrichment-company:{Digest(address)}";

    private static string MissKey(IPAddress address) => $"enrichment-miss:{Digest(address)}";

    private static string Digest(IPAddress address) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(address.ToString())));
}
