using Rose.Tagging;

namespace Rose.Crm.HubSpot.Sync;

/// <summary>An erasure in Rose reaches HubSpot's GDPR delete for each address, when the tenant turned it on; a failure waits for a replay like any push.</summary>
public sealed class HubSpotErasureObserver(HubSpotContactSync sync) : IVisitorErasureObserver
{
    public async Task ErasedAsync(IReadOnlyList<string> emails, CancellationToken cancellationToken)
    {
        foreach (var email in emails.Select(e => e.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal))
        {
            await sync.GdprDeleteAsync(email, cancellationToken);
        }
    }
}
