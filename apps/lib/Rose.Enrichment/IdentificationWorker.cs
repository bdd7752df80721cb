using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rose.Enrichment.Settings;

namespace Rose.Enrichment;

/// <summary>Runs the cascade for queued addresses, off every answer's path, and records what it finds for the next turns.</summary>
public sealed class IdentificationWorker(
    PendingIdentifications queue,
    IdentificationCascade cascade,
    KnownVisitorCompanies known,
    EnrichmentSettingsStore settingsStore,
    ILogger<IdentificationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (tenantId, address) in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                // Read again here: the tenant may have turned a provider off or spent its budget since the address was queued.
                var settings = await settingsStore.GetAsync(tenantId, stoppingToken);
                var result = await cascade.IdentifyAsync(tenantId, settings, address, stoppingToken);
                if (result.Asked.Count == 0)
                {
                    // Nobody was asked (every provider off or over budget): nothing is known, nothing is cached, a later turn asks again.
                    continue;
                }

                await known.RecordAsync(tenantId, address, result, settings, stoppingToken);
                logger.LogInformation("Identification for {TenantId} asked {Providers}: {Outcome}", tenantId, string.Join(", ", result.Asked), result.Company is null ? result.Network.ToString() : "company found");
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Identification for {TenantId} failed; a later turn asks again", tenantId);
            }
            finally
            {
                queue.Done(tenantId, address);
            }
        }
    }
}
