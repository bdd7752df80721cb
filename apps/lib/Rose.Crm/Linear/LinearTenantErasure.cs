using Rose.Crm.Linear.Data;
using Rose.Platform.Erasure;
using Rose.Storage;

namespace Rose.Crm.Linear;

/// <summary>The tenant's Linear connection (with its encrypted key) and the links between its conversations and Linear issues.</summary>
internal sealed class LinearTenantErasure(LinearDbContext db, ICurrentTenant currentTenant) : ITenantDataEraser
{
    public string Name => "crm-linear";

    public Task EraseAsync(string tenantId, CancellationToken cancellationToken) =>
        TenantRows.DeleteAllAsync(db, currentTenant, tenantId, cancellationToken);
}
