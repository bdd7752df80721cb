using System.Net;
using Rose.Enrichment.Providers;

namespace Rose.Enrichment;

/// <summary>
/// What enrichment already knows of a tenant's visitors: the company behind an address. Reading
/// is cheap (one state read) so the chat can ask on every turn without slowing the answer; the
/// identification itself runs elsewhere and records what it finds here.
/// </summary>
public interface IVisitorCompanies
{
    /// <param name="visitorConsent">What the visitor said when the conversation started (null: the widget did not ask).
    /// When the tenant requires consent and it is not true, nothing is looked up, read or queued.</param>
    /// <returns>The company, or null when nobody identified this address for the tenant yet.</returns>
    Task<VisitorCompany?> FindAsync(string tenantId, IPAddress? visitorAddress, bool? visitorConsent, CancellationToken cancellationToken);

    /// <summary>
    /// Identification again, when the visitor left <paramref name="email"/>: a work address names the
    /// company by its domain and replaces a weaker answer found by address; a free-mail address names
    /// nobody and leaves what the address gave. Same consent rule as <see cref="FindAsync"/>.
    /// </summary>
    /// <returns>The stronger of the two, or null when neither names a company.</returns>
    Task<VisitorCompany?> ReidentifyByEmailAsync(string tenantId, IPAddress? visitorAddress, bool? visitorConsent, string email, CancellationToken cancellationToken);

    /// <summary>
    /// The kind of network the cascade found the visitor's address in: <see cref="NetworkKind.Hosting"/>
    /// flags a likely bot or VPN, <see cref="NetworkKind.Residential"/> an ISP or mobile carrier,
    /// <see cref="NetworkKind.Business"/> a network that named a company. Queues nothing. Same consent rule as <see cref="FindAsync"/>.
    /// </summary>
    /// <returns><see cref="NetworkKind.Unknown"/> when nothing is known of the address yet, or no tier knew it.</returns>
    Task<NetworkKind> FindNetworkAsync(string tenantId, IPAddress? visitorAddress, bool? visitorConsent, CancellationToken cancellationToken);

    /// <summary>Records an identification for the tenant; it is forgotten after <paramref name="timeToLive"/>.</summary>
    Task RememberAsync(string tenantId, IPAddress visitorAddress, VisitorCompany company, TimeSpan timeToLive, CancellationToken cancellationToken);
}
