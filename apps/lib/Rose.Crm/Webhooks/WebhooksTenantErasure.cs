using Rose.Crm.Webhooks.Data;
using Rose.Platform.Erasure;
using Rose.Storage;

namespace Rose.Crm.Webhooks;

/// <summary>The tenant's webhook endpoints (with their encrypted secrets), deliveries and attempts.</summary>
internal sealed class WebhooksTenantErasure(WebhookDbContext db, ICurrentTenant currentTenant) : ITenantDataEraser
{
    public string Name => "crm-webhooks";

    public Task EraseAsync(string tenantId, CancellationToken cancellationToken) =>
        TenantRows.DeleteAllAsync(db, currentTenant, tenantId, cancellationToken);
}
