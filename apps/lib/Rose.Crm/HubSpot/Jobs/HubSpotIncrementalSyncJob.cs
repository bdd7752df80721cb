using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rose.Crm.HubSpot.Client;
using Rose.Crm.HubSpot.Data;
using Rose.Crm.HubSpot.Sync;
using Rose.Platform.Bindings;
using Rose.Storage;

namespace Rose.Crm.HubSpot.Jobs;

/// <summary>
/// For every connected tenant, in a scope of its own: contacts modified in HubSpot since the last run,
/// then a replay of the pushes that failed (a HubSpot outage heals without anyone pressing a button),
/// then forgetting webhook event ids past their retention. One tenant's failure does not stop the others.
/// </summary>
public sealed class HubSpotIncrementalSyncJob(
    HubSpotDirectoryDbContext directory,
    IServiceScopeFactory scopes,
    IOptions<HubSpotOptions> options,
    ILogger<HubSpotIncrementalSyncJob> logger) : ICronJob
{
    /// <summary>Failures replayed per tenant per run, oldest first: a long outage drains over a few runs, within HubSpot's limits.</summary>
    private const int ReplaysPerRun = 50;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var tenants = await directory.Portals.AsNoTracking().Select(p => p.TenantId).Distinct().ToListAsync(cancellationToken);
        foreach (var tenantId in tenants)
        {
            await using var scope = scopes.CreateAsyncScope();
            using var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(tenantId);
            try
            {
                await scope.ServiceProvider.GetRequiredService<HubSpotInbound>().SyncModifiedContactsAsync(cancellationToken);
                var sync = scope.ServiceProvider.GetRequiredService<HubSpotContactSync>();
                foreach (var failureId in await scope.ServiceProvider.GetRequiredService<HubSpotRecords>().FailureIdsAsync(ReplaysPerRun, cancellationToken))
                {
                    await sync.ReplayAsync(failureId, cancellationToken);
                }

                await scope.ServiceProvider.GetRequiredService<Webhooks.HubSpotWebhookProcessor>().PurgeReceivedAsync(options.Value.ReceivedEventRetention, cancellationToken);
            }
            catch (HubSpotApiException e)
            {
                logger.LogWarning("HubSpot incremental sync of {TenantId} failed: {Error}", tenantId, e.Message);
            }
        }
    }
}
