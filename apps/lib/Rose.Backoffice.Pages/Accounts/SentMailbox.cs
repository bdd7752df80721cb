using Microsoft.EntityFrameworkCore;

namespace Rose.Backoffice.Pages.Accounts;

/// <summary>Reads the offline mailbox of one tenant, for the Sent mail page.</summary>
public sealed class SentMailbox(BackofficeAccountsDbContext db)
{
    public const int PageSize = 100;

    /// <summary>The tenant's last <see cref="PageSize"/> messages, newest first.</summary>
    public async Task<IReadOnlyList<SentMail>> ListAsync(string tenantId, CancellationToken cancellationToken) =>
        await db.SentMail.AsNoTracking()
            .Where(m => m.TenantId == tenantId)
            .OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id)
            .Take(PageSize)
            .ToListAsync(cancellationToken);
}
