using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Rose.Backoffice.Pages.Accounts;
using Xunit;

namespace Rose.Crm.Tests.Webhooks;

/// <summary>The backoffice Webhooks page on the standalone host, signed in as the tenant's owner and driven through its server-rendered forms.</summary>
public sealed partial class WebhooksPageTests : IAsyncLifetime
{
    private const string OwnerEmail = "owner@acme.test";
    private const string OwnerPassword = "correct horse battery";

    // A literal public address: the registry's guard needs no DNS for it, so the test runs offline.
    private const string PublicUrl = "https://93.184.216.34/rose-hook";
    private readonly StandaloneHost host = StandaloneHost.Start();

    public async Task InitializeAsync()
    {
        await host.CreateTenantAsync("acme");
        await using var scope = host.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BackofficeAccounts>().EnsureOwnerAsync("acme", OwnerEmail, OwnerPassword, CancellationToken.None);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Webhooks_page_adds_an_endpoint_shows_its_secret_once_and_refuses_a_private_url()
    {
        using var browser = host.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await browser.GetStringAsync("/backoffice/login");
        var signIn = await browser.PostAsync("/backoffice/login", Form(login, "sign-in", ("Input.Email", OwnerEmail), ("Input.Password", OwnerPassword)));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var page = await browser.GetStringAsync("/backoffice/webhooks");
        Assert.Contains("href=\"webhooks\"", page, StringComparison.Ordinal);
        var added = await PostAsync(browser, page, "webhook-add", ("Add.Url", PublicUrl), ("Add.LeadCaptured", "true"), ("Add.LeadQualified", "true"));

        var secret = Secret().Match(added);
        Assert.True(secret.Success, added);
        Assert.StartsWith("whsec_", secret.Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains("it will not be shown again", added, StringComparison.Ordinal);
        Assert.Contains("lead.captured, lead.qualified", added, StringComparison.Ordinal);

        var again = await browser.GetStringAsync("/backoffice/webhooks");
        Assert.Contains(PublicUrl, again, StringComparison.Ordinal);
        Assert.DoesNotContain(secret.Groups[1].Value, again, StringComparison.Ordinal);
        Assert.DoesNotContain("data-webhook-secret", again, StringComparison.Ordinal);

        var refused = await PostAsync(browser, again, "webhook-add", ("Add.Url", "https://10.0.0.5/hook"));
        Assert.Contains("10.0.0.5 is a private, loopback or link-local address; webhooks are only sent to public addresses.", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("data-webhook-secret", refused, StringComparison.Ordinal);

        var id = EndpointId().Match(refused).Groups[1].Value;
        var log = await browser.GetStringAsync($"/backoffice/webhooks?log={id}");
        Assert.Contains("Nothing was sent to it yet.", log, StringComparison.Ordinal);

        var deleted = await PostAsync(browser, log, "webhook-actions", ("Action.Delete", id));
        Assert.Contains("The endpoint is deleted.", deleted, StringComparison.Ordinal);
        Assert.DoesNotContain(PublicUrl, await browser.GetStringAsync("/backoffice/webhooks"), StringComparison.Ordinal);
    }

    private static async Task<string> PostAsync(HttpClient browser, string page, string handler, params (string Name, string Value)[] fields)
    {
        var response = await browser.PostAsync("/backoffice/webhooks", Form(page, handler, fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static FormUrlEncodedContent Form(string page, string handler, params (string Name, string Value)[] fields) =>
        new([
            new("_handler", handler),
            new("__RequestVerificationToken", WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value)),
            .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)),
        ]);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("<code data-webhook-secret>([^<]+)</code>")]
    private static partial Regex Secret();

    [GeneratedRegex("<tr data-webhook=\"([^\"]+)\">")]
    private static partial Regex EndpointId();
}
