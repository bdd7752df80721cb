using System.Net;

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

    /// <summary>Records an identification for the tenant; it is forgotten after <paramref name="timeToLive"/>.</summary>
    Task RememberAsync(string tenantId, IPAddress visitorAddress, VisitorCompany company, TimeSpan timeToLive, CancellationToken cancellationToken);
}
