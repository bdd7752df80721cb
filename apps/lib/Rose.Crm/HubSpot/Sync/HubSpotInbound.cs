using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Rose.Crm.HubSpot.Client;
using Rose.Crm.HubSpot.Connections;
using Rose.Crm.HubSpot.Data;
using Rose.Platform.Workflows;
using Rose.Storage;

namespace Rose.Crm.HubSpot.Sync;

/// <summary>
/// HubSpot → Rose for the current tenant: the full sync (every contact, then every company, one page
/// of 100 per step, the <c>after</c> cursor saved with each page so that a restart resumes there) and
/// the incremental one (contacts modified since the last run).
/// </summary>
public sealed class HubSpotInbound(
    HubSpotDbContext db,
    HubSpotConnections connections,
    HubSpotClient client,
    IWorkflowScheduler workflows,
    ICurrentTenant currentTenant,
    TimeProvider clock,
    ILogger<HubSpotInbound> logger)
{
    /// <summary>The workflow that runs <see cref="SyncPageAsync"/> until done (Rose.Workflows' <c>HubSpotFullSyncWorkflow</c>), hosted by the worker.</summary>
    public const string FullSyncWorkflow = "HubSpotFullSyncWorkflow";

    private string TenantId => currentTenant.TenantId ?? throw new TenantRequiredException();

    /// <summary>Starts a full sync; an unfinished one is returned instead of starting a second.</summary>
    public async Task<string?> StartFullSyncAsync(CancellationToken cancellationToken)
    {
        if (!await db.Connections.AnyAsync(cancellationToken))
        {
            return null;
        }

        var running = await db.SyncRuns.AsNoTracking()
            .Where(r => r.Phase == HubSpotSyncPhase.Contacts || r.Phase == HubSpotSyncPhase.Companies)
            .Select(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (running is not null)
        {
            return running;
        }

        var now = clock.GetUtcNow();
        var runId = "hubspot-sync-" + now.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        db.SyncRuns.Add(new HubSpotSyncRun { Id = runId, Phase = HubSpotSyncPhase.Contacts, StartedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        await workflows.ScheduleByNameAsync(FullSyncWorkflow, TenantId, new HubSpotSyncRunRef(TenantId, runId), runId, cancellationToken);
        return runId;
    }

    /// <summary>One page of the full sync; true when the run is over (completed or failed).</summary>
    public async Task<bool> SyncPageAsync(string runId, CancellationToken cancellationToken)
    {
        var run = await db.SyncRuns.FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null || run.Phase is HubSpotSyncPhase.Completed or HubSpotSyncPhase.Failed)
        {
            return true;
        }

        var access = await connections.GetAccessAsync(forceRefresh: false, cancellationToken);
        if (access is null)
        {
            await FailAsync(runId, "The tenant is not connected to HubSpot.", cancellationToken);
            return true;
        }

        var contacts = run.Phase == HubSpotSyncPhase.Contacts;
        var page = await client.ListAsync(access, contacts ? "contacts" : "companies", contacts ? HubSpotClient.ContactProperties : HubSpotClient.CompanyProperties, run.After, cancellationToken);
        if (contacts)
        {
            await ApplyContactsAsync(page.Results, cancellationToken);
            run.Contacts += page.Results.Count;
        }
        else
        {
            await ApplyCompaniesAsync(page.Results, cancellationToken);
            run.Companies += page.Results.Count;
        }

        run.After = page.After;
        if (page.After is null)
        {
            run.Phase = contacts ? HubSpotSyncPhase.Companies : HubSpotSyncPhase.Completed;
            run.FinishedAt = contacts ? null : clock.GetUtcNow();
        }

        // The page's rows and the cursor that follows them in one transaction: a restart resumes exactly here.
        await db.SaveChangesAsync(cancellationToken);
        return run.Phase == HubSpotSyncPhase.Completed;
    }

    public async Task FailAsync(string runId, string error, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();
        var trimmed = error.Length > 1000 ? error[..1000] : error;
        await db.SyncRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Phase, HubSpotSyncPhase.Failed)
            .SetProperty(r => r.Error, trimmed)
            .SetProperty(r => r.FinishedAt, now), cancellationToken);
    }

    /// <summary>Contacts modified since the last incremental run; returns how many were applied.</summary>
    public async Task<int> SyncModifiedContactsAsync(CancellationToken cancellationToken)
    {
        var connection = await db.Connections.FirstOrDefaultAsync(cancellationToken);
        var access = connection is null ? null : await connections.GetAccessAsync(forceRefresh: false, cancellationToken);
        if (connection is null || access is null)
        {
            return 0;
        }

        var started = clock.GetUtcNow();
        var since = connection.LastIncrementalSyncAt ?? connection.ConnectedAt;
        var applied = 0;
        string? after = null;
        do
        {
            var page = await client.ContactsModifiedSinceAsync(access, since, after, cancellationToken);
            await ApplyContactsAsync(page.Results, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            applied += page.Results.Count;
            after = page.After;
        }
        while (after is not null);

        // In SQL: a token renewal during the run saved the tracked row already.
        await db.Connections.ExecuteUpdateAsync(s => s.SetProperty(c => c.LastIncrementalSyncAt, started), cancellationToken);
        logger.LogInformation("HubSpot incremental sync of {TenantId}: {Count} contacts since {Since}", TenantId, applied, since);
        return applied;
    }

    private async Task ApplyContactsAsync(IReadOnlyList<HubSpotObject> contacts, CancellationToken cancellationToken)
    {
        var ids = contacts.Select(c => c.Id).ToList();
        var known = await db.Contacts.Where(c => ids.Contains(c.ContactId)).ToDictionaryAsync(c => c.ContactId, StringComparer.Ordinal, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var contact in contacts)
        {
            if (!known.TryGetValue(contact.Id, out var link))
            {
                link = new HubSpotContactLink { ContactId = contact.Id };
                db.Contacts.Add(link);
                known[contact.Id] = link;
            }

            link.Email = contact.Property("email")?.Trim().ToLowerInvariant() ?? link.Email;
            link.LifecycleStage = contact.Property("lifecyclestage");
            link.OwnerId = contact.Property("hubspot_owner_id");
            link.CompanyId = contact.Property("associatedcompanyid") ?? link.CompanyId;
            link.Deleted = false;
            link.UpdatedAt = now;
        }
    }

    private async Task ApplyCompaniesAsync(IReadOnlyList<HubSpotObject> companies, CancellationToken cancellationToken)
    {
        var ids = companies.Select(c => c.Id).ToList();
        var known = await db.Companies.Where(c => ids.Contains(c.CompanyId)).ToDictionaryAsync(c => c.CompanyId, StringComparer.Ordinal, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var company in companies)
        {
            if (!known.TryGetValue(company.Id, out var link))
            {
                link = new HubSpotCompanyLink { CompanyId = company.Id };
                db.Companies.Add(link);
                known[company.Id] = link;
            }

            link.Domain = company.Property("domain")?.Trim().ToLowerInvariant();
            link.Name = company.Property("name");
            link.UpdatedAt = now;
        }
    }
}
