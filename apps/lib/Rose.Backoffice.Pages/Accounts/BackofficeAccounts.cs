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
    public Task EnsureOwnerAsync(string tenantId, string email, string password, CancellationToken cancellationToken) =>
        EnsureMemberAsync(tenantId, email, password, MembershipRole.Owner, cancellationToken);

    /// <summary>The same, as <paramref name="role"/>; an existing membership keeps its role.</summary>
    public async Task EnsureMemberAsync(string tenantId, string email, string password, string role, CancellationToken cancellationToken)
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
            db.Memberships.Add(new TenantMembership { TenantId = tenantId, UserId = user.Id, Role = role, CreatedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The tenants a user belongs to, by tenant id.</summary>
    public async Task<IReadOnlyList<TenantMembership>> MembershipsAsync(string userId, CancellationToken cancellationToken) =>
        await db.Memberships.AsNoTracking().Where(m => m.UserId == userId).OrderBy(m => m.TenantId).ToListAsync(cancellationToken);

    /// <summary>The team of one tenant: every member's e-mail and role, by e-mail.</summary>
    public async Task<IReadOnlyList<(string Email, string Role)>> TeamAsync(string tenantId, CancellationToken cancellationToken) =>
        (await db.Memberships.AsNoTracking()
            .Where(m => m.TenantId == tenantId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Email, m.Role })
            .OrderBy(x => x.Email)
            .ToListAsync(cancellationToken))
        .Select(x => (x.Email ?? string.Empty, x.Role)).ToList();

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The backoffice account could not be saved: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
