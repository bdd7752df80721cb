using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Rose.Backoffice.Pages.Accounts;
using Xunit;

namespace Rose.Backoffice.Tests;

/// <summary>
/// The accounts store on each provider, through the registration the apps use and the migrations
/// applied as on start: owners, lockout, memberships, and a Data Protection key ring that a second
/// host on the same database (a restart, another replica) shares.
/// </summary>
public abstract class BackofficeAccountsContract : BackofficeDatabaseContract
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task An_owner_signs_in_and_five_wrong_passwords_lock_the_account()
    {
        await using var app = await StartAsync();
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BackofficeAccounts>().EnsureOwnerAsync("acme", "owner@acme.test", Password, CancellationToken.None);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BackofficeUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<BackofficeUser>>();
        var user = (await users.FindByEmailAsync("owner@acme.test"))!;

        var right = await signIn.CheckPasswordSignInAsync(user, Password, lockoutOnFailure: true);
        for (var i = 0; i < 5; i++)
        {
            await signIn.CheckPasswordSignInAsync(user, "wrong password " + i, lockoutOnFailure: true);
        }

        var afterLockout = await signIn.CheckPasswordSignInAsync(user, Password, lockoutOnFailure: true);
        var memberships = await scope.ServiceProvider.GetRequiredService<BackofficeAccounts>().MembershipsAsync(user.Id, CancellationToken.None);

        Assert.True(right.Succeeded);
        Assert.True(afterLockout.IsLockedOut);
        Assert.Equal(("acme", MembershipRole.Owner), (Assert.Single(memberships).TenantId, Assert.Single(memberships).Role));
        Assert.InRange((await users.GetLockoutEndDateAsync(user))!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task A_password_shorter_than_12_characters_is_refused()
    {
        await using var app = await StartAsync();
        await using var scope = app.Services.CreateAsyncScope();

        var error = await Record.ExceptionAsync(() =>
            scope.ServiceProvider.GetRequiredService<BackofficeAccounts>().EnsureOwnerAsync("acme", "short@acme.test", "elevenchars", CancellationToken.None));

        Assert.Contains("12", Assert.IsType<InvalidOperationException>(error).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_one_host_protects_another_host_on_the_same_database_reads()
    {
        string protectedText;
        await using (var first = await StartAsync())
        {
            protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("signed in");
        }

        await using var second = await StartAsync();

        Assert.Equal("signed in", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));
    }

    private Task<WebApplication> StartAsync() => BackofficeAccountsHost.StartAsync(Provider, ConnectionString);
}
