using System.Net;

namespace Rose.Enrichment.Providers;

/// <summary>An IP-to-company provider: one tier of the identification cascade.</summary>
public interface IIpCompanyProvider
{
    /// <summary>Recorded with what it finds (<c>provider</c> of an identification).</summary>
    string Name { get; }

    /// <summary>Never throws for the provider's own failures: they are <see cref="ProviderOutcome.Failed"/>.</summary>
    Task<ProviderAnswer> LookupAsync(IPAddress address, CancellationToken cancellationToken);
}
