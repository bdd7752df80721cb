using Microsoft.Extensions.Logging;
using Rose.Enrichment.Settings;
using Rose.Platform.Bindings;
using Rose.Storage;
using Rose.Tenancy;

namespace Rose.Tagging.Retention;

/// <summary>
/// Nightly, tenant by tenant: a tenant with a retention period (<see cref="EnrichmentSettings.RetentionDays"/>,
/// set through <c>PUT /api/v1/enrichment/settings</c>) loses the visitor data older than it
/// (<see cref="VisitorDataRetention"/>); a tenant without one keeps everything. Cached identifications
/// need no purge: they are never kept longer than the period (<see cref="EnrichmentSettings.KeepAtMost"/>).
/// </summary>
public sealed class VisitorDataRetentionJob(
    TenantDirectory directory,
    EnrichmentSettingsStore settings,
    VisitorDataRetention retention,
    ICurrentTenant currentTenant,
    TimeProvider clock,
    ILogger<VisitorDataRetentionJob> logger) : ICronJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var tenantId in await directory.ListTenantIdsAsync(cancellationToken))
        {
            if ((await settings.GetAsync(tenantId, cancellationToken)).RetentionDays is not { } days)
            {
                continue;
            }

            using (currentTenant.Use(tenantId))
            {
                var report = await retention.PurgeOlderThanAsync(clock.GetUtcNow().AddDays(-days), cancellationToken);
                if (report.Conversations + report.Leads + report.TaggedConversations > 0)
                {
                    logger.LogInformation("Retention of {TenantId} ({Days} days): {Conversations} conversations, {Messages} messages, {Leads} leads, {Tagged} tagged conversations removed",
                        tenantId, days, report.Conversations, report.Messages, report.Leads, report.TaggedConversations);
                }
            }
        }
    }
}
