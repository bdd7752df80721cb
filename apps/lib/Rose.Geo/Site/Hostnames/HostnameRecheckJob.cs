using Microsoft.Extensions.Logging;
using Rose.Platform.Bindings;
using Rose.Tenancy;

namespace Rose.Geo.Site.Hostnames;

/// <summary>
/// Hourly (<see cref="GeoSiteJobs.HostnameRecheck"/>): every tenant's hostnames are checked again, so that
/// a name whose owner removed the record or moved the domain stops being served, and a pending one whose
/// record appeared later becomes verified without staff asking.
/// </summary>
internal sealed class HostnameRecheckJob(TenantDirectory tenants, HostnameAdministration hostnames, ILogger<HostnameRecheckJob> logger) : ICronJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var tenantId in await tenants.ListTenantIdsAsync(cancellationToken))
        {
            try
            {
                await hostnames.RecheckAsync(tenantId, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One tenant's failure does not hold up the others; the next run tries again.
                logger.LogWarning(ex, "Rechecking the hostnames of {Tenant} failed.", tenantId);
            }
        }
    }
}
