using Microsoft.EntityFrameworkCore;
using Rose.Platform.Erasure;

namespace Rose.Backoffice.Pages.Accounts;

/// <summary>
/// The tenant's backoffice memberships, and the accounts of people who belonged to no other tenant
/// (their e-mail address is personal data; claims, logins, tokens and reset links go with them by
/// cascade), then the tenant's invitations and its offline mailbox.
/// Users first: while a membership remains, a rerun still knows whom it concerns.
/// </summary>
internal sealed class BackofficeTenantErasure(BackofficeAccountsDbContext db) : ITenantDataEraser
{
    public string Name => "backoffice-accounts";

    public async Task EraseAsync(string tenantId, CancellationToken cancellationToken)
    {
        var members = db.Memberships.Where(m => m.TenantId == tenantId).Select(m => m.UserId);
        await db.Users
            .Where(u => members.Contains(u.Id) && !db.Memberships.Any(m => m.UserId == u.Id && m.TenantId != tenantId))
            .ExecuteDeleteAsync(cancellationToken);
        await db.Memberships.Where(m => m.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        await db.Invitations.Where(i => i.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        await db.SentMail.Where(m => m.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
    }
}
