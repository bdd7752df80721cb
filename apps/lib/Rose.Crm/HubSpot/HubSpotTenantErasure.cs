using Microsoft.EntityFrameworkCore;
using Rose.Crm.HubSpot.Data;
using Rose.Platform.Erasure;
using Rose.Storage;

namespace Rose.Crm.HubSpot;

/// <summary>
/// The tenant's HubSpot connection (encrypted tokens), contact and company links, received events,
/// notes, sync runs and failures, and its portal in the cross-tenant directory (so that HubSpot's
/// webhooks for that portal find no tenant any more).
/// </summary>
internal sealed class HubSpotTenantErasure(HubSpotDbContext db, HubSpotDirectoryDbContext directory, ICurrentTenant currentTenant) : ITenantDataEraser
{
    public string Name => "crm-hubspot";

    public async Task EraseAsync(string tenantId, CancellationToken cancellationToken)
    {
        await TenantRows.DeleteAllAsync(db, currentTenant, tenantId, cancellationToken);
        await directory.Portals.Where(p => p.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
    }
}
