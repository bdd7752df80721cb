using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Rose.Enrichment;

/// <summary>Runs the cascade for queued addresses, off every answer's path, and records what it finds for the next turns.</summary>
public sealed class IdentificationWorker(
    PendingIdentifications queue,
    IdentificationCascade cascade,
    KnownVisitorCompanies known,
    ILogger<IdentificationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (tenantId, address) in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                var result = await cascade.IdentifyAsync(address, stoppingToken);
                await known.RecordAsync(tenantId, address, result, stoppingToken);
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
