using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rose.Backoffice.Pages.Accounts;
using Rose.Storage;
using Xunit;

namespace Rose.Backoffice.Tests;

/// <summary>The e-mail port: SMTP when configured (against an SMTP server at its wire protocol), the options checked on start, the offline mailbox otherwise.</summary>
public sealed class BackofficeMailTests
{
    [Fact]
    public async Task SendAsync_delivers_the_message_to_the_smtp_server_of_the_options()
    {
        using var server = new SmtpStub();
        var mail = new SmtpBackofficeMail(Options.Create(new SmtpMailOptions
        {
            Host = "127.0.0.1", Port = server.Port, From = "rose@acme.test", UseTls = false,
        }));

        await mail.SendAsync(new OutgoingMail("acme", "new@acme.test", "You are invited", "Open http://rose.test/backoffice/invitations/abc"), CancellationToken.None);
        var received = await server.Received.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(mail.KeepsCopies);
        Assert.Contains("<rose@acme.test>", received.MailFrom, StringComparison.Ordinal);
        Assert.Contains("<new@acme.test>", Assert.Single(received.RcptTo), StringComparison.Ordinal);
        Assert.Contains("Subject: You are invited", received.Data, StringComparison.Ordinal);
        Assert.Contains("http://rose.test/backoffice/invitations/abc", received.Data.Replace("=\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_refuses_a_host_without_a_sender_a_bad_port_or_a_user_name_without_password()
    {
        var result = new SmtpMailOptionsValidator().Validate(null, new SmtpMailOptions { Host = "smtp.acme.test", Port = 0, From = "not an address", UserName = "rose" });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("Port", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("From", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Password", StringComparison.Ordinal));
        Assert.True(new SmtpMailOptionsValidator().Validate(null, new SmtpMailOptions { Port = 0 }).Succeeded);
    }

    [Fact]
    public async Task A_host_with_an_smtp_host_but_no_sender_does_not_start()
    {
        await using var app = Build(new Dictionary<string, string?> { ["Rose:Email:Smtp:Host"] = "smtp.acme.test" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Rose:Email:Smtp:From", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_port_is_smtp_when_a_host_is_set_and_the_offline_mailbox_otherwise()
    {
        await using var smtp = Build(new Dictionary<string, string?> { ["Rose:Email:Smtp:Host"] = "smtp.acme.test", ["Rose:Email:Smtp:From"] = "rose@acme.test" });
        await using var offline = Build([]);

        using var smtpScope = smtp.Services.CreateScope();
        using var offlineScope = offline.Services.CreateScope();

        Assert.IsType<SmtpBackofficeMail>(smtpScope.ServiceProvider.GetRequiredService<IBackofficeMail>());
        Assert.IsType<OfflineBackofficeMail>(offlineScope.ServiceProvider.GetRequiredService<IBackofficeMail>());
    }

    private static WebApplication Build(Dictionary<string, string?> settings)
    {
        settings["Urls"] = "http://127.0.0.1:0";
        return BackofficeAccountsHost.Build(
            StorageProvider.Sqlite, $"Data Source={Path.Combine(Directory.CreateTempSubdirectory("rose-mail-").FullName, "rose.db")}", settings);
    }
}
