using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Backoffice.Pages.Accounts;

/// <summary>Creates team accounts and reads a user's memberships.</summary>
public sealed class BackofficeAccounts(UserManager<BackofficeUser> users, BackofficeAccountsDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Makes <paramref name="email"/> an owner of <paramref name="tenantId"/> with this password: creates
    /// the account when missing, and sets the password when it differs (the configured one wins).
    /// </summary>
    public async Task EnsureOwnerAsync(string tenantId, string email, string password, CancellationToken cancellationToken)
    {
        TenantIds.EnsureValid(tenantId);
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new BackofficeUser { UserName = email, Email = email, EmailConfirmed = true };
            Check(await users.CreateAsync(user, password));
        }
        else if (!await users.CheckPasswordAsync(user, password))
        {
            Check(await users.RemovePasswordAsync(user));
            Check(await users.AddPasswordAsync(user, password));
        }

        if (!await db.Memberships.AnyAsync(m => m.TenantId == tenantId && m.UserId == user.Id, cancellationToken))
        {
            db.Memberships.Add(new TenantMembership { TenantId = tenantId, UserId = user.Id, Role = MembershipRole.Owner, CreatedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The tenants a user belongs to, by tenant id.</summary>
    public async Task<IReadOnlyList<TenantMembership>> MembershipsAsync(string userId, CancellationToken cancellationToken) =>
        await db.Memberships.AsNoTracking().Where(m => m.UserId == userId).OrderBy(m => m.TenantId).ToListAsync(cancellationToken);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The backoffice account could not be saved: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
