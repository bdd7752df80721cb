using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Rose.Backoffice.Pages.Accounts;

/// <summary>
/// "Forgot your password?": a one-time link (<see cref="OneTimeToken"/>) mailed to the account's
/// address, valid for <see cref="OneTimeToken.Lifetime"/>; using it sets a new password and renews
/// the security stamp, which signs the account's other sessions out.
/// </summary>
public sealed class PasswordResets(
    BackofficeAccountsDbContext db, UserManager<BackofficeUser> users, IBackofficeMail mail, TimeProvider clock)
{
    public const string LinkPath = "reset-password/";

    /// <summary>
    /// Mails a reset link when <paramref name="email"/> has an account, and does nothing otherwise; the
    /// caller answers the same either way. The offline copy goes to the account's tenant only when it
    /// belongs to exactly one, so no owner can read the link of someone who also works for another tenant.
    /// </summary>
    public async Task RequestAsync(string? email, Uri backofficeBase, CancellationToken cancellationToken)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user?.Email is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var token = OneTimeToken.Create();
        db.PasswordResetLinks.Add(new PasswordResetLink { UserId = user.Id, TokenHash = OneTimeToken.Hash(token), CreatedAt = now, ExpiresAt = now + OneTimeToken.Lifetime });
        await db.SaveChangesAsync(cancellationToken);
        var tenants = await db.Memberships.Where(m => m.UserId == user.Id).Select(m => m.TenantId).Take(2).ToListAsync(cancellationToken);
        await mail.SendAsync(new OutgoingMail(tenants.Count == 1 ? tenants[0] : null, user.Email, "Choose a new Rose backoffice password",
            "Someone asked to reset the password of your Rose backoffice account.\n\n" +
            $"Open this link within 7 days to choose a new one (it works once):\n{new Uri(backofficeBase, LinkPath + token)}\n\n" +
            "If it was not you, ignore this e-mail: your password stays as it is."), cancellationToken);
    }

    /// <summary>Whether the link can still be used (known, unused, not expired).</summary>
    public async Task<bool> IsOpenAsync(string? token, CancellationToken cancellationToken) => await FindOpenAsync(token, cancellationToken) is not null;

    /// <summary>
    /// Sets the new password (Identity's rules) through the link, once. Returns the reasons in words
    /// when it is refused; nothing changes then, and a password that is too short leaves the link usable.
    /// </summary>
    public async Task<IReadOnlyList<string>> ResetAsync(string? token, string password, CancellationToken cancellationToken)
    {
        var link = await FindOpenAsync(token, cancellationToken);
        var user = link is null ? null : await users.FindByIdAsync(link.UserId);
        if (link is null || user is null)
        {
            return [InvalidLink];
        }

        foreach (var validator in users.PasswordValidators)
        {
            if (await validator.ValidateAsync(users, user, password) is { Succeeded: false } refused)
            {
                return refused.Errors.Select(e => e.Description).ToList();
            }
        }

        var now = clock.GetUtcNow();
        if (await db.PasswordResetLinks.Where(r => r.Id == link.Id && r.UsedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.UsedAt, now), cancellationToken) != 1)
        {
            return [InvalidLink];
        }

        // Identity's own reset renews the security stamp, so every other session of the account signs out.
        var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
        if (!reset.Succeeded)
        {
            return reset.Errors.Select(e => e.Description).ToList();
        }

        // Whoever holds the link controls the address: a lockout from someone else's guesses ends too.
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await db.PasswordResetLinks.Where(r => r.UserId == user.Id && r.UsedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.UsedAt, now), cancellationToken);
        return [];
    }

    internal const string InvalidLink =
        "This link does not work any more: it was used or is older than 7 days. Ask for a new one on the sign-in page.";

    private async Task<PasswordResetLink?> FindOpenAsync(string? token, CancellationToken cancellationToken)
    {
        if (OneTimeToken.HashOfLink(token) is not { } hash)
        {
            return null;
        }

        var link = await db.PasswordResetLinks.AsNoTracking().SingleOrDefaultAsync(r => r.TokenHash == hash && r.UsedAt == null, cancellationToken);
        return link is not null && link.ExpiresAt > clock.GetUtcNow() ? link : null;
    }
}
