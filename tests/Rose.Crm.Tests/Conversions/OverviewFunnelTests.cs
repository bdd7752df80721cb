using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Rose.Backoffice.Pages.Accounts;
using Xunit;

namespace Rose.Crm.Tests.Conversions;

/// <summary>The backoffice overview shows the funnel counted from the events and the conversion sent, signed in as the tenant's owner.</summary>
public sealed partial class OverviewFunnelTests : IAsyncLifetime
{
    private const string OwnerEmail = "owner@acme.test";
    private const string OwnerPassword = "correct horse battery";
    private readonly StandaloneHost host = StandaloneHost.Start();
    private string publicKey = string.Empty;

    public async Task InitializeAsync()
    {
        publicKey = (await host.CreateTenantAsync("acme")).PublicKey;
        await using var scope = host.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BackofficeAccounts>().EnsureOwnerAsync("acme", OwnerEmail, OwnerPassword, CancellationToken.None);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Overview_renders_the_funnel_totals_and_the_skill_that_converted()
    {
        var (conversationId, token) = await host.StartConversationAsync(publicKey, "visitor-0123456789abcdef");
        using (var widget = host.Widget(publicKey))
        {
            await widget.PostAsJsonAsync("/rose/v1/events", new
            {
                events = new object[]
                {
                    new { type = "impression" }, new { type = "impression" }, new { type = "open", conversationId },
                    new { type = "message", conversationId }, new { type = "message", conversationId },
                    new { type = "cta_click", conversationId, data = new { skillId = "book-demo" } },
                },
            });
            using var conversion = new HttpRequestMessage(HttpMethod.Post, "/rose/v1/conversions")
            {
                Content = JsonContent.Create(new { type = "meeting-booked", conversationId, externalId = "cal-1" }),
            };
            conversion.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            Assert.Equal(HttpStatusCode.Created, (await widget.SendAsync(conversion)).StatusCode);
        }

        using var browser = host.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await browser.GetStringAsync("/backoffice/login");
        var signIn = await browser.PostAsync("/backoffice/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(login).Groups[1].Value),
            ["Input.Email"] = OwnerEmail,
            ["Input.Password"] = OwnerPassword,
        }));
        var overview = await browser.GetStringAsync("/backoffice/");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var totals = Cells(Row().Match(overview).Groups[1].Value);
        Assert.Equal(["2", "1", "2", "1", "1"], totals);
        Assert.Equal(["1", "1"], Cells(SkillRow().Match(overview).Groups[1].Value));
    }

    private static List<string> Cells(string row) => [.. Cell().Matches(row).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("<tr data-funnel=\"totals\">(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<tr data-skill=\"book-demo\">(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex SkillRow();

    [GeneratedRegex("<td>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();
}
