using Rose.Geo.Data;
using Rose.Platform.Erasure;
using Rose.Storage;

namespace Rose.Geo;

/// <summary>The tenant's GEO runs, questions, drafts, reviews and publication records.</summary>
internal sealed class GeoTenantErasure(GeoDbContext db, ICurrentTenant currentTenant) : ITenantDataEraser
{
    public string Name => "geo";

    public Task EraseAsync(string tenantId, CancellationToken cancellationToken) =>
        TenantRows.DeleteAllAsync(db, currentTenant, tenantId, cancellationToken);
}
