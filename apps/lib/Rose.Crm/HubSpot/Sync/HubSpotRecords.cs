using Microsoft.EntityFrameworkCore;
using Rose.Crm.HubSpot.Api;
using Rose.Crm.HubSpot.Data;

namespace Rose.Crm.HubSpot.Sync;

/// <summary>The current tenant's HubSpot rows as the API and the backoffice read them.</summary>
public sealed class HubSpotRecords(HubSpotDbContext db)
{
    public async Task<IReadOnlyList<HubSpotContactView>> ContactsAsync(string? email, int limit, CancellationToken cancellationToken)
    {
        var query = db.Contacts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(email))
        {
            var normalized = email.Trim().ToLowerInvariant();
            query = query.Where(c => c.Email == normalized);
        }

        var rows = await query.OrderByDescending(c => c.UpdatedAt).Take(limit).ToListAsync(cancellationToken);
        return [.. rows.Select(c => new HubSpotContactView(c.ContactId, c.Email, c.CompanyId, c.LifecycleStage, c.OwnerId, c.Deleted, c.UpdatedAt))];
    }

    public async Task<IReadOnlyList<HubSpotFailureView>> FailuresAsync(int limit, CancellationToken cancellationToken)
    {
        var rows = await db.Failures.AsNoTracking().OrderByDescending(f => f.LastFailedAt).Take(limit).ToListAsync(cancellationToken);
        return [.. rows.Select(f => new HubSpotFailureView(f.Id, WireName(f.Kind), f.SourceId, f.Error, f.Attempts, f.FirstFailedAt, f.LastFailedAt))];
    }

    public async Task<IReadOnlyList<string>> FailureIdsAsync(int limit, CancellationToken cancellationToken) =>
        await db.Failures.AsNoTracking().OrderBy(f => f.FirstFailedAt).Select(f => f.Id).Take(limit).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<HubSpotSyncRunView>> SyncRunsAsync(int limit, CancellationToken cancellationToken)
    {
        var rows = await db.SyncRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(limit).ToListAsync(cancellationToken);
        return [.. rows.Select(View)];
    }

    public async Task<HubSpotSyncRunView?> SyncRunAsync(string id, CancellationToken cancellationToken) =>
        await db.SyncRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) is { } run ? View(run) : null;

    public static string WireName(HubSpotPushKind kind) => kind switch
    {
        HubSpotPushKind.LeadCaptured => "lead-captured",
        HubSpotPushKind.LeadQualified => "lead-qualified",
        _ => "gdpr-delete",
    };

    public static string WireName(HubSpotPushOutcome outcome) => outcome switch
    {
        HubSpotPushOutcome.Pushed => "pushed",
        HubSpotPushOutcome.NotConnected => "not-connected",
        HubSpotPushOutcome.Skipped => "skipped",
        _ => "failed",
    };

    private static HubSpotSyncRunView View(HubSpotSyncRun run) =>
        new(run.Id, run.Phase.ToString().ToLowerInvariant(), run.Contacts, run.Companies, run.Error, run.StartedAt, run.FinishedAt);
}
