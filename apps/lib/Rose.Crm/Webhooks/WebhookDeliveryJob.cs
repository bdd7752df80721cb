using Microsoft.Extensions.Logging;
using Rose.Platform.Bindings;
using Rose.Storage;
using Rose.Tenancy;

namespace Rose.Crm.Webhooks;

/// <summary>Sends due deliveries (retries, and first attempts a crash interrupted), tenant by tenant.</summary>
public sealed class WebhookDeliveryJob(TenantDirectory directory, WebhookDispatcher dispatcher, ICurrentTenant currentTenant, ILogger<WebhookDeliveryJob> logger) : ICronJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var tenantId in await directory.ListTenantIdsAsync(cancellationToken))
        {
            using (currentTenant.Use(tenantId))
            {
                var sent = await dispatcher.DeliverDueAsync(cancellationToken);
                if (sent > 0)
                {
                    logger.LogInformation("Webhooks of {TenantId}: {Count} deliveries attempted", tenantId, sent);
                }
            }
        }
    }
}
