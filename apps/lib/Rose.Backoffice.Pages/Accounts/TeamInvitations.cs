using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Backoffice.Pages.Accounts;

/// <summary>
/// Invitations to a tenant's team: sent as a one-time link (<see cref="OneTimeToken"/>), valid for
/// <see cref="OneTimeToken.Lifetime"/>, accepted once, by creating an account or by the account
/// that already has the invited e-mail.
/// </summary>
public sealed class TeamInvitations(
    BackofficeAccountsDbContext db, UserManager<BackofficeUser> users, IBackofficeMail mail, TimeProvider clock)
{
    public const string LinkPath = "invitations/";

    /// <summary>
    /// Invites <paramref name="email"/> as <paramref name="role"/> and mails the link, which starts with
    /// <paramref name="backofficeBase"/> (the backoffice's address, ending in <c>/backoffice/</c>). A
    /// pending invitation of the same address is replaced.
    /// </summary>
    public async Task InviteAsync(
        string tenantId, string tenantName, string? email, string? role, string invitedBy, Uri backofficeBase, CancellationToken cancellationToken)
    {
        TenantIds.EnsureValid(tenantId);
        if (!MailAddress.TryCreate(email?.Trim(), out var address) || address.Address.Length > 256)
        {
            throw new TeamRuleException("Enter the e-mail address of the person to invite.");
        }

        if (!MembershipRole.IsKnown(role))
        {
            throw new TeamRuleException("Choose owner or member.");
        }

        var invited = address.Address;
        var normalized = users.NormalizeEmail(invited);
        if (await db.Memberships.AnyAsync(
                m => m.TenantId == tenantId && db.Users.Any(u => u.Id == m.UserId && u.NormalizedEmail == normalized), cancellationToken))
        {
            throw new TeamRuleException($"{invited} is already in the team.");
        }

        var now = clock.GetUtcNow();
        await db.Invitations
            .Where(i => i.TenantId == tenantId && i.Email == invited && i.AcceptedAt == null)
            .ExecuteDeleteAsync(cancellationToken);
        var token = OneTimeToken.Create();
        db.Invitations.Add(new TeamInvitation
        {
            TenantId = tenantId, Email = invited, Role = role!, TokenHash = OneTimeToken.Hash(token), InvitedBy = invitedBy,
            CreatedAt = now, ExpiresAt = now + OneTimeToken.Lifetime,
        });
        await db.SaveChangesAsync(cancellationToken);
        await mail.SendAsync(new OutgoingMail(tenantId, invited, $"You are invited to {tenantName}'s Rose backoffice",
            $"{invitedBy} invites you to join {tenantName}'s team on Rose as {role}.\n\n" +
            $"Open this link within 7 days to accept (it works once):\n{new Uri(backofficeBase, LinkPath + token)}\n\n" +
            "If you did not expect this invitation, ignore this e-mail."), cancellationToken);
    }

    /// <summary>The tenant's invitations not accepted yet and not expired, newest first.</summary>
    public async Task<IReadOnlyList<TeamInvitation>> PendingAsync(string tenantId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return (await db.Invitations.AsNoTracking()
                .Where(i => i.TenantId == tenantId && i.AcceptedAt == null)
                .ToListAsync(cancellationToken))
            .Where(i => i.ExpiresAt > now)
            .OrderByDescending(i => i.CreatedAt).ToList();
    }

    /// <summary>Withdraws a pending invitation of the tenant; its link stops working. False when there is none with that id.</summary>
    public async Task<bool> RevokeAsync(string tenantId, string invitationId, CancellationToken cancellationToken) =>
        await db.Invitations
            .Where(i => i.TenantId == tenantId && i.Id == invitationId && i.AcceptedAt == null)
            .ExecuteDeleteAsync(cancellationToken) == 1;

    /// <summary>The invitation a link opens, or null when it is unknown, revoked, used or expired.</summary>
    public async Task<OpenInvitation?> OpenAsync(string? token, CancellationToken cancellationToken)
    {
        var invitation = await FindOpenAsync(token, cancellationToken);
        return invitation is null
            ? null
            : new OpenInvitation(invitation.TenantId, invitation.Email, invitation.Role, invitation.InvitedBy,
                await users.FindByEmailAsync(invitation.Email) is not null);
    }

    /// <summary>
    /// Accepts an invitation for an e-mail without an account: creates the account with this password
    /// (Identity's rules: at least 12 characters) and adds it to the team. Returns the new user, or the
    /// reasons in words.
    /// </summary>
    public async Task<(BackofficeUser? User, IReadOnlyList<string> Errors)> AcceptWithNewAccountAsync(
        string? token, string password, CancellationToken cancellationToken)
    {
        var invitation = await FindOpenAsync(token, cancellationToken);
        if (invitation is null)
        {
            return (null, [InvalidLink]);
        }

        if (await users.FindByEmailAsync(invitation.Email) is not null)
        {
            return (null, [$"{invitation.Email} already has an account: sign in to accept."]);
        }

        var user = new BackofficeUser { UserName = invitation.Email, Email = invitation.Email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return (null, created.Errors.Select(e => e.Description).ToList());
        }

        if (!await ConsumeAsync(invitation, user.Id, cancellationToken))
        {
            // Someone used the link in the meantime: the account made for it goes again.
            await users.DeleteAsync(user);
            return (null, [InvalidLink]);
        }

        return (user, []);
    }

    /// <summary>Accepts an invitation as the signed-in user, whose e-mail must be the invited one. False when the link or the account does not fit.</summary>
    public async Task<bool> AcceptAsExistingUserAsync(string? token, string userId, CancellationToken cancellationToken)
    {
        var invitation = await FindOpenAsync(token, cancellationToken);
        var user = await users.FindByIdAsync(userId);
        return invitation is not null && user is not null
               && string.Equals(user.NormalizedEmail, users.NormalizeEmail(invitation.Email), StringComparison.Ordinal)
               && await ConsumeAsync(invitation, user.Id, cancellationToken);
    }

    internal const string InvalidLink =
        "This invitation link does not work any more: it was used, withdrawn, or is older than 7 days. Ask an owner of the team for a new one.";

    private async Task<TeamInvitation?> FindOpenAsync(string? token, CancellationToken cancellationToken)
    {
        if (OneTimeToken.HashOfLink(token) is not { } hash)
        {
            return null;
        }

        var invitation = await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash && i.AcceptedAt == null, cancellationToken);
        return invitation is not null && invitation.ExpiresAt > clock.GetUtcNow() ? invitation : null;
    }

    /// <summary>Marks the invitation used (only one caller can) and adds the membership it grants.</summary>
    private async Task<bool> ConsumeAsync(TeamInvitation invitation, string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var consumed = await db.Invitations
            .Where(i => i.Id == invitation.Id && i.AcceptedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.AcceptedAt, now), cancellationToken);
        if (consumed != 1)
        {
            return false;
        }

        if (!await db.Memberships.AnyAsync(m => m.TenantId == invitation.TenantId && m.UserId == userId, cancellationToken))
        {
            db.Memberships.Add(new TenantMembership { TenantId = invitation.TenantId, UserId = userId, Role = invitation.Role, CreatedAt = now });
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }
}
