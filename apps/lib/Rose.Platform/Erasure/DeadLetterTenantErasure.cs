using Rose.Platform.Dapr.DeadLetters;
using Rose.Storage;

namespace Rose.Platform.Erasure;

/// <summary>On Dapr, the dead letters of the tenant that the app owning them (admin) stored.</summary>
internal sealed class DeadLetterTenantErasure(DeadLetterDbContext db, ICurrentTenant currentTenant) : ITenantDataEraser
{
    public string Name => "dead-letters";

    public Task EraseAsync(string tenantId, CancellationToken cancellationToken) =>
        TenantRows.DeleteAllAsync(db, currentTenant, tenantId, cancellationToken);
}
