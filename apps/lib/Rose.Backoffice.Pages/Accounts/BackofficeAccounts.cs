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
    public async Task<IReadOnlyList<TeamMember>> TeamAsync(string tenantId, CancellationToken cancellationToken) =>
        (await db.Memberships.AsNoTracking()
            .Where(m => m.TenantId == tenantId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.Email, m.Role, m.CreatedAt })
            .ToListAsync(cancellationToken))
        .Select(x => new TeamMember(x.Id, x.Email ?? string.Empty, x.Role, x.CreatedAt))
        .OrderBy(x => x.Email, StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>Makes a member of the tenant an owner or a member; the last owner stays an owner.</summary>
    public async Task ChangeRoleAsync(string tenantId, string userId, string role, CancellationToken cancellationToken)
    {
        if (!MembershipRole.IsKnown(role))
        {
            throw new TeamRuleException("Choose owner or member.");
        }

        var membership = await FindMembershipAsync(tenantId, userId, cancellationToken);
        if (membership.Role == role)
        {
            return;
        }

        if (membership.Role == MembershipRole.Owner)
        {
            await EnsureAnotherOwnerAsync(tenantId, userId, "The team needs an owner: make someone else an owner first.", cancellationToken);
        }

        membership.Role = role;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Takes someone off the tenant's team (never the last owner). An account that then belongs to no
    /// tenant is deleted with its e-mail address, as the tenant eraser does.
    /// </summary>
    public async Task RemoveAsync(string tenantId, string userId, CancellationToken cancellationToken)
    {
        var membership = await FindMembershipAsync(tenantId, userId, cancellationToken);
        if (membership.Role == MembershipRole.Owner)
        {
            await EnsureAnotherOwnerAsync(tenantId, userId, "The last owner cannot be removed: make someone else an owner first.", cancellationToken);
        }

        db.Memberships.Remove(membership);
        await db.SaveChangesAsync(cancellationToken);
        if (!await db.Memberships.AnyAsync(m => m.UserId == userId, cancellationToken))
        {
            await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(cancellationToken);
        }
    }

    private async Task<TenantMembership> FindMembershipAsync(string tenantId, string userId, CancellationToken cancellationToken) =>
        await db.Memberships.SingleOrDefaultAsync(m => m.TenantId == tenantId && m.UserId == userId, cancellationToken)
        ?? throw new TeamRuleException("That person is not in the team.");

    private async Task EnsureAnotherOwnerAsync(string tenantId, string userId, string refusal, CancellationToken cancellationToken)
    {
        if (!await db.Memberships.AnyAsync(m => m.TenantId == tenantId && m.UserId != userId && m.Role == MembershipRole.Owner, cancellationToken))
        {
            throw new TeamRuleException(refusal);
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The backoffice account could not be saved: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
