using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Rose.Backoffice.Pages.Accounts;
using Xunit;

namespace Rose.Backoffice.Tests;

/// <summary>
/// Invitations, password resets and the offline mailbox on each provider: links are kept only as
/// their SHA-256, work once, expire after 7 days; the team keeps an owner; an off-boarded tenant's
/// invitations and mail are erased.
/// </summary>
public abstract partial class BackofficeOneTimeLinksContract : BackofficeDatabaseContract
{
    private const string OwnerPassword = "correct horse battery";
    private static readonly Uri Backoffice = new("http://rose.test/backoffice/");

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    [Fact]
    public async Task Invite_stores_only_the_hash_of_the_link_which_creates_the_account_once()
    {
        await using var app = await StartAsync();
        var token = await InviteAsync(app, "new@acme.test", MembershipRole.Member);

        await using var scope = app.Services.CreateAsyncScope();
        var invitations = scope.ServiceProvider.GetRequiredService<TeamInvitations>();
        var stored = await scope.ServiceProvider.GetRequiredService<BackofficeAccountsDbContext>().Invitations.SingleAsync();
        var opened = await invitations.OpenAsync(token, CancellationToken.None);
        var (user, errors) = await invitations.AcceptWithNewAccountAsync(token, "a long enough password", CancellationToken.None);
        var (again, againErrors) = await invitations.AcceptWithNewAccountAsync(token, "a long enough password", CancellationToken.None);

        Assert.Equal(32, Base64UrlBytes(token));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))), stored.TokenHash);
        Assert.DoesNotContain(token, stored.TokenHash, StringComparison.Ordinal);
        Assert.Equal(("acme", "new@acme.test", MembershipRole.Member, false), (opened!.TenantId, opened.Email, opened.Role, opened.AccountExists));
        Assert.NotNull(user);
        Assert.Empty(errors);
        Assert.Null(again);
        Assert.Equal(TeamInvitations.InvalidLink, Assert.Single(againErrors));
        Assert.Null(await invitations.OpenAsync(token, CancellationToken.None));
        Assert.Contains(await TeamAsync(app), m => m.Email == "new@acme.test" && m.Role == MembershipRole.Member);
    }

    [Fact]
    public async Task An_invitation_with_a_short_password_creates_nothing_and_stays_usable()
    {
        await using var app = await StartAsync();
        var token = await InviteAsync(app, "new@acme.test", MembershipRole.Owner);
        await using var scope = app.Services.CreateAsyncScope();
        var invitations = scope.ServiceProvider.GetRequiredService<TeamInvitations>();

        var (user, errors) = await invitations.AcceptWithNewAccountAsync(token, "too short", CancellationToken.None);

        Assert.Null(user);
        Assert.Contains(errors, e => e.Contains("12", StringComparison.Ordinal));
        Assert.NotNull(await invitations.OpenAsync(token, CancellationToken.None));
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<BackofficeUser>>().FindByEmailAsync("new@acme.test"));
    }

    [Fact]
    public async Task An_invitation_expires_after_7_days_and_a_revoked_one_at_once()
    {
        await using var app = await StartAsync();
        var expiring = await InviteAsync(app, "late@acme.test", MembershipRole.Member);
        var revoked = await InviteAsync(app, "revoked@acme.test", MembershipRole.Member);
        await using var scope = app.Services.CreateAsyncScope();
        var invitations = scope.ServiceProvider.GetRequiredService<TeamInvitations>();
        var revokedId = (await invitations.PendingAsync("acme", CancellationToken.None)).Single(i => i.Email == "revoked@acme.test").Id;

        Assert.True(await invitations.RevokeAsync("acme", revokedId, CancellationToken.None));
        Assert.False(await invitations.RevokeAsync("acme", revokedId, CancellationToken.None));
        clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        var beforeExpiry = await invitations.OpenAsync(expiring, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Null(await invitations.OpenAsync(revoked, CancellationToken.None));
        Assert.NotNull(beforeExpiry);
        Assert.Null(await invitations.OpenAsync(expiring, CancellationToken.None));
        Assert.Empty(await invitations.PendingAsync("acme", CancellationToken.None));
        Assert.Equal(TeamInvitations.InvalidLink, Assert.Single((await invitations.AcceptWithNewAccountAsync(expiring, "a long enough password", CancellationToken.None)).Errors));
    }

    [Fact]
    public async Task Another_tenants_owner_cannot_revoke_an_invitation_and_an_existing_account_accepts_only_as_itself()
    {
        await using var app = await StartAsync();
        await EnsureOwnerAsync(app, "globex", "boss@globex.test");
        var token = await InviteAsync(app, "boss@globex.test", MembershipRole.Member);
        await using var scope = app.Services.CreateAsyncScope();
        var invitations = scope.ServiceProvider.GetRequiredService<TeamInvitations>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BackofficeUser>>();
        var id = (await invitations.PendingAsync("acme", CancellationToken.None)).Single().Id;
        var owner = (await users.FindByEmailAsync("owner@acme.test"))!;
        var invited = (await users.FindByEmailAsync("boss@globex.test"))!;

        Assert.False(await invitations.RevokeAsync("globex", id, CancellationToken.None));
        Assert.True((await invitations.OpenAsync(token, CancellationToken.None))!.AccountExists);
        Assert.False(await invitations.AcceptAsExistingUserAsync(token, owner.Id, CancellationToken.None));
        Assert.True(await invitations.AcceptAsExistingUserAsync(token, invited.Id, CancellationToken.None));
        Assert.False(await invitations.AcceptAsExistingUserAsync(token, invited.Id, CancellationToken.None));
        Assert.Equal(["acme", "globex"], (await scope.ServiceProvider.GetRequiredService<BackofficeAccounts>().MembershipsAsync(invited.Id, CancellationToken.None)).Select(m => m.TenantId));
    }

    [Fact]
    public async Task The_last_owner_can_be_neither_removed_nor_made_a_member()
    {
        await using var app = await StartAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<BackofficeAccounts>();
        await accounts.EnsureMemberAsync("acme", "member@acme.test", OwnerPassword, MembershipRole.Member, CancellationToken.None);
        var team = await accounts.TeamAsync("acme", CancellationToken.None);
        var owner = team.Single(m => m.Email == "owner@acme.test");
        var member = team.Single(m => m.Email == "member@acme.test");

        await Assert.ThrowsAsync<TeamRuleException>(() => accounts.RemoveAsync("acme", owner.UserId, CancellationToken.None));
        await Assert.ThrowsAsync<TeamRuleException>(() => accounts.ChangeRoleAsync("acme", owner.UserId, MembershipRole.Member, CancellationToken.None));
        await Assert.ThrowsAsync<TeamRuleException>(() => accounts.ChangeRoleAsync("globex", member.UserId, MembershipRole.Owner, CancellationToken.None));
        await accounts.ChangeRoleAsync("acme", member.UserId, MembershipRole.Owner, CancellationToken.None);
        await accounts.ChangeRoleAsync("acme", owner.UserId, MembershipRole.Member, CancellationToken.None);
        await accounts.RemoveAsync("acme", owner.UserId, CancellationToken.None);

        Assert.Equal([("member@acme.test", MembershipRole.Owner)], (await accounts.TeamAsync("acme", CancellationToken.None)).Select(m => (m.Email, m.Role)));
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<BackofficeUser>>().FindByEmailAsync("owner@acme.test"));
    }

    [Fact]
    public async Task A_reset_link_sets_the_password_once_and_renews_the_security_stamp()
    {
        await using var app = await StartAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var resets = scope.ServiceProvider.GetRequiredService<PasswordResets>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BackofficeUser>>();
        var stampBefore = (await users.FindByEmailAsync("owner@acme.test"))!.SecurityStamp;

        await resets.RequestAsync("nobody@acme.test", Backoffice, CancellationToken.None);
        await resets.RequestAsync("owner@acme.test", Backoffice, CancellationToken.None);
        var mail = Assert.Single(await scope.ServiceProvider.GetRequiredService<SentMailbox>().ListAsync("acme", CancellationToken.None));
        var token = LinkToken(mail.Body, PasswordResets.LinkPath);
        var stored = await scope.ServiceProvider.GetRequiredService<BackofficeAccountsDbContext>().PasswordResetLinks.SingleAsync();
        var tooShort = await resets.ResetAsync(token, "short", CancellationToken.None);
        var reset = await resets.ResetAsync(token, "a brand new password", CancellationToken.None);
        var again = await resets.ResetAsync(token, "yet another password", CancellationToken.None);
        using var fresh = app.Services.CreateScope();
        var freshUsers = fresh.ServiceProvider.GetRequiredService<UserManager<BackofficeUser>>();
        var user = (await freshUsers.FindByEmailAsync("owner@acme.test"))!;

        Assert.Equal("owner@acme.test", mail.To);
        Assert.Equal(OneTimeToken.Hash(token), stored.TokenHash);
        Assert.NotEmpty(tooShort);
        Assert.Empty(reset);
        Assert.Equal(PasswordResets.InvalidLink, Assert.Single(again));
        Assert.NotEqual(stampBefore, user.SecurityStamp);
        Assert.False(await freshUsers.CheckPasswordAsync(user, OwnerPassword));
        Assert.True(await freshUsers.CheckPasswordAsync(user, "a brand new password"));
    }

    [Fact]
    public async Task A_reset_link_expires_after_7_days()
    {
        await using var app = await StartAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var resets = scope.ServiceProvider.GetRequiredService<PasswordResets>();
        await resets.RequestAsync("owner@acme.test", Backoffice, CancellationToken.None);
        var token = LinkToken((await scope.ServiceProvider.GetRequiredService<SentMailbox>().ListAsync("acme", CancellationToken.None)).Single().Body, PasswordResets.LinkPath);

        clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        Assert.False(await resets.IsOpenAsync(token, CancellationToken.None));
        Assert.Equal(PasswordResets.InvalidLink, Assert.Single(await resets.ResetAsync(token, "a brand new password", CancellationToken.None)));
    }

    [Fact]
    public async Task The_mailbox_lists_a_tenants_own_mail_newest_first_and_the_eraser_removes_it_with_the_invitations()
    {
        await using var app = await StartAsync();
        await EnsureOwnerAsync(app, "globex", "boss@globex.test");
        await InviteAsync(app, "first@acme.test", MembershipRole.Member);
        clock.Advance(TimeSpan.FromMinutes(1));
        await InviteAsync(app, "second@acme.test", MembershipRole.Member);
        await using var scope = app.Services.CreateAsyncScope();
        var mailbox = scope.ServiceProvider.GetRequiredService<SentMailbox>();
        await scope.ServiceProvider.GetRequiredService<TeamInvitations>().InviteAsync(
            "globex", "Globex", "guest@globex.test", MembershipRole.Member, "boss@globex.test", Backoffice, CancellationToken.None);

        var acmeMail = await mailbox.ListAsync("acme", CancellationToken.None);
        await ActivatorUtilities.CreateInstance<BackofficeTenantErasure>(scope.ServiceProvider).EraseAsync("acme", CancellationToken.None);

        Assert.Equal(["second@acme.test", "first@acme.test"], acmeMail.Select(m => m.To));
        Assert.Empty(await mailbox.ListAsync("acme", CancellationToken.None));
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<TeamInvitations>().PendingAsync("acme", CancellationToken.None));
        Assert.Equal("guest@globex.test", Assert.Single(await mailbox.ListAsync("globex", CancellationToken.None)).To);
        Assert.Single(await scope.ServiceProvider.GetRequiredService<TeamInvitations>().PendingAsync("globex", CancellationToken.None));
    }

    private async Task<WebApplication> StartAsync()
    {
        var app = await BackofficeAccountsHost.StartAsync(Provider, ConnectionString, clock);
        await EnsureOwnerAsync(app, "acme", "owner@acme.test");
        return app;
    }

    private static async Task EnsureOwnerAsync(WebApplication app, string tenantId, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BackofficeAccounts>().EnsureOwnerAsync(tenantId, email, OwnerPassword, CancellationToken.None);
    }

    /// <summary>Invites someone to acme and returns the token of the link in the mail the offline mailbox kept.</summary>
    private static async Task<string> InviteAsync(WebApplication app, string email, string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TeamInvitations>().InviteAsync(
            "acme", "Acme", email, role, "owner@acme.test", Backoffice, CancellationToken.None);
        var mail = (await scope.ServiceProvider.GetRequiredService<SentMailbox>().ListAsync("acme", CancellationToken.None)).First(m => m.To == email);
        return LinkToken(mail.Body, TeamInvitations.LinkPath);
    }

    private static async Task<IReadOnlyList<TeamMember>> TeamAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BackofficeAccounts>().TeamAsync("acme", CancellationToken.None);
    }

    private static string LinkToken(string body, string linkPath) =>
        Link().Matches(body).Select(m => m.Groups[1].Value).Single(p => p.StartsWith(linkPath, StringComparison.Ordinal))[linkPath.Length..];

    private static int Base64UrlBytes(string token) => System.Buffers.Text.Base64Url.DecodeFromChars(token).Length;

    [GeneratedRegex(@"http://rose\.test/backoffice/(\S+)")]
    private static partial Regex Link();
}
