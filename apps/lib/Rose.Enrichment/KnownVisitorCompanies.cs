using System.Net;
using Rose.Enrichment.Identification;
using Rose.Enrichment.Privacy;
using Rose.Enrichment.Providers;
using Rose.Enrichment.Settings;
using Rose.Platform.State;
using Rose.Storage;

namespace Rose.Enrichment;

/// <summary>
/// Identifications kept in the platform's state store (Redis on Dapr), per tenant. The address is
/// stored only as a keyed hash of its /24 or /48 network (<see cref="VisitorAddressKeys"/>): the key finds
/// the company again without keeping the visitor's IP, which is personal data. When the visitor leaves
/// an e-mail, its domain may name the company instead (<see cref="ReidentifyByEmailAsync"/>). A miss queues the address for the
/// cascade (when a provider is on for the tenant): the answer never waits for it, later turns find
/// it. Companies are kept <see cref="CompanyTtl"/>, negative answers <see cref="MissTtl"/>, both at
/// most the tenant's retention period. A tenant that requires consent gets nothing for a visitor
/// who did not give it: no read, no lookup, nothing queued.
/// </summary>
public sealed class KnownVisitorCompanies(
    IStateStore state,
    IdentificationCascade cascade,
    PendingIdentifications queue,
    EnrichmentSettingsStore settingsStore,
    VisitorAddressKeys addressKeys) : IVisitorCompanies
{
    public static readonly TimeSpan CompanyTtl = TimeSpan.FromDays(30);
    public static readonly TimeSpan MissTtl = TimeSpan.FromDays(7);

    public async Task<VisitorCompany?> FindAsync(string tenantId, IPAddress? visitorAddress, bool? visitorConsent, CancellationToken cancellationToken)
    {
        TenantIds.EnsureValid(tenantId);
        if (visitorAddress is null)
        {
            return null;
        }

        var settings = await settingsStore.GetAsync(tenantId, cancellationToken);
        if (!settings.Allows(visitorConsent))
        {
            return null;
        }

        var address = VisitorAddressKeys.Canonical(visitorAddress);
        var digest = addressKeys.Digest(address);
        var entry = await state.GetAsync<VisitorCompany>(tenantId, Key(digest), cancellationToken);
        if (entry is null && cascade.IsEnabledFor(settings) && await state.GetAsync<NetworkKind>(tenantId, MissKey(digest), cancellationToken) is null)
        {
            queue.TryEnqueue(tenantId, address);
        }

        return entry?.Value;
    }

    public async Task<VisitorCompany?> ReidentifyByEmailAsync(string tenantId, IPAddress? visitorAddress, bool? visitorConsent, string email, CancellationToken cancellationToken)
    {
        TenantIds.EnsureValid(tenantId);
        if (!(await settingsStore.GetAsync(tenantId, cancellationToken)).Allows(visitorConsent))
        {
            return null;
        }

        var byAddress = await FindAsync(tenantId, visitorAddress, visitorConsent, cancellationToken);
        return EmailDomainCompanies.Identify(email) is { } byEmail && (byAddress is null || byEmail.Confidence > byAddress.Confidence)
            ? VisitorCompany.From(byEmail)
            : byAddress;
    }

    public async Task<NetworkKind> FindNetworkAsync(string tenantId, IPAddress? visitorAddress, bool? visitorConsent, CancellationToken cancellationToken)
    {
        TenantIds.EnsureValid(tenantId);
        if (visitorAddress is null || !(await settingsStore.GetAsync(tenantId, cancellationToken)).Allows(visitorConsent))
        {
            return NetworkKind.Unknown;
        }

        var digest = addressKeys.Digest(visitorAddress);
        return await state.GetAsync<VisitorCompany>(tenantId, Key(digest), cancellationToken) is not null
            ? NetworkKind.Business
            : (await state.GetAsync<NetworkKind>(tenantId, MissKey(digest), cancellationToken))?.Value ?? NetworkKind.Unknown;
    }

    public Task RememberAsync(string tenantId, IPAddress visitorAddress, VisitorCompany company, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        TenantIds.EnsureValid(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(company.Name);
        return state.SaveAsync(tenantId, Key(addressKeys.Digest(visitorAddress)), company, timeToLive, cancellationToken);
    }

    /// <summary>Keeps the cascade's answer: the company for 30 days, or that there is none (and the network's kind) for 7; never past the tenant's retention.</summary>
    public Task RecordAsync(string tenantId, IPAddress visitorAddress, IdentificationResult result, EnrichmentSettings settings, CancellationToken cancellationToken) =>
        result.Company is { } company
            ? RememberAsync(tenantId, visitorAddress, VisitorCompany.From(company), settings.KeepAtMost(CompanyTtl), cancellationToken)
            : state.SaveAsync(tenantId, MissKey(addressKeys.Digest(visitorAddress)), result.Network, settings.KeepAtMost(MissTtl), cancellationToken);

    private static string Key(string digest) => $"enrichment-company:{digest}";

    private static string MissKey(string digest) => $"enrichment-miss:{digest}";
}
