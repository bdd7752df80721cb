using Rose.Analytics.Data;
using Rose.Platform.Erasure;
using Rose.Storage;

namespace Rose.Analytics;

/// <summary>The tenant's widget events, conversions and aggregates.</summary>
internal sealed class AnalyticsTenantErasure(AnalyticsDbContext db, ICurrentTenant currentTenant) : ITenantDataEraser
{
    public string Name => "analytics";

    public Task EraseAsync(string tenantId, CancellationToken cancellationToken) =>
        TenantRows.DeleteAllAsync(db, currentTenant, tenantId, cancellationToken);
}
