using Rose.Platform.Erasure;
using Rose.Storage;
using Rose.Tenancy.Data;

namespace Rose.Tenancy;

/// <summary>
/// The tenant itself (its row, keys, origins and widget settings), after every other eraser: while it
/// runs, the disabled row is what keeps the tenant's keys refused and a repeated off-boarding idempotent.
/// </summary>
internal sealed class TenancyTenantErasure(TenancyDbContext db, ICurrentTenant currentTenant, TenantDirectory directory) : ITenantDataEraser
{
    public string Name => "tenancy";

    public bool ErasesTheTenant => true;

    public async Task EraseAsync(string tenantId, CancellationToken cancellationToken)
    {
        await TenantRows.DeleteAllAsync(db, currentTenant, tenantId, cancellationToken);
        directory.Invalidate();
    }
}
