using Rose.Platform.Erasure;
using Rose.Storage;
using Rose.Tagging.Data;

namespace Rose.Tagging;

/// <summary>The tenant's conversation tags, lead scores and scoring settings.</summary>
internal sealed class TaggingTenantErasure(TaggingDbContext db, ICurrentTenant currentTenant) : ITenantDataEraser
{
    public string Name => "tagging";

    public Task EraseAsync(string tenantId, CancellationToken cancellationToken) =>
        TenantRows.DeleteAllAsync(db, currentTenant, tenantId, cancellationToken);
}
