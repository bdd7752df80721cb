using Rose.Storage;
using Rose.Storage.Outbox;

namespace Rose.Platform.Erasure;

/// <summary>The tenant's staged events in <c>rose_outbox</c>, sent or not (the database every app shares).</summary>
internal sealed class OutboxTenantErasure(OutboxDbContext db, ICurrentTenant currentTenant) : ITenantDataEraser
{
    public string Name => "outbox";

    public Task EraseAsync(string tenantId, CancellationToken cancellationToken) =>
        TenantRows.DeleteAllAsync(db, currentTenant, tenantId, cancellationToken);
}
