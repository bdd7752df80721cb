using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using Rose.Backoffice.Pages.Accounts;
using Rose.Testing;
using Rose.Testing.Browser;
using Xunit;

namespace Rose.Crm.Tests.Linear;

/// <summary>
/// The backoffice in real headless Chromium on the standalone host (Kestrel on a free port) with
/// Linear's API stubbed: the owner connects Linear on the Integrations page, presses "Create Linear
/// ticket" on a transcript, sees the ticket's link, and after a reload the link stays and no button
/// offers a second ticket.
/// </summary>
public sealed class LinearTranscriptPageTests : IAsyncLifetime
{
    private const string OwnerEmail = "owner@acme.test";
    private const string OwnerPassword = "correct horse battery";
    private const string Question = "Why does the widget not load on our pricing page?";
    private readonly LinearStub linear = new();
    private readonly RoseAppFactory<Program> app;
    private Uri address = new("http://127.0.0.1/");
    private string publicKey = string.Empty;

    public LinearTranscriptPageTests()
    {
        app = new RoseAppFactory<Program>()
            .With("Rose:Demo:Enabled", "false")
            .With("Rose:Crm:Linear:BaseUrl", linear.Url)
            .With("Rose:Crm:Linear:BackofficeUrl", "https://rose.example/");
        app.UseKestrel(0);
    }

    public async Task InitializeAsync()
    {
        app.StartServer();
        address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        using var staff = Client();
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RoseAppFactory<Program>.StaffKey);
        var tenant = await staff.PostAsJsonAsync("/admin/v1/tenants", new { tenantId = "acme", name = "Acme" });
        Assert.Equal(HttpStatusCode.Created, tenant.StatusCode);
        publicKey = (await tenant.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tenant").GetProperty("publicKey").GetString()!;
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BackofficeAccounts>().EnsureOwnerAsync("acme", OwnerEmail, OwnerPassword, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        linear.Dispose();
    }

    [Fact]
    public async Task Create_Linear_ticket_button_makes_one_ticket_and_the_transcript_then_shows_its_link()
    {
        var conversationId = await AskAsync(Question);
        using var chromium = new HeadlessChromium();
        chromium.GoTo(new Uri(address, "/backoffice/integrations"));
        chromium.Wait(d => d.Url.Contains("/backoffice/login", StringComparison.Ordinal), "the sign-in page");
        chromium.Driver.FindElement(By.Id("email")).SendKeys(OwnerEmail);
        chromium.Driver.FindElement(By.Id("password")).SendKeys(OwnerPassword + Keys.Enter);

        // Before Linear is connected the transcript offers no button.
        chromium.Wait(d => d.FindElement(By.Id("linear-key")), "the Integrations page's Linear form");
        chromium.GoTo(new Uri(address, $"/backoffice/conversations/{conversationId}"));
        chromium.Wait(d => d.FindElement(By.CssSelector(".message.visitor .text")), "the transcript");
        Assert.Empty(chromium.Driver.FindElements(By.CssSelector("[data-linear-create]")));

        chromium.GoTo(new Uri(address, "/backoffice/integrations"));
        chromium.Wait(d => d.FindElement(By.Id("linear-key")), "the Linear form").SendKeys(LinearStub.ApiKey);
        chromium.Driver.FindElement(By.Id("linear-team")).SendKeys(LinearStub.TeamKey);
        chromium.Driver.FindElement(By.XPath("//button[normalize-space()='Connect Linear']")).Click();
        var team = chromium.Wait(d => d.FindElement(By.CssSelector("[data-linear-team]")), "Linear connected");
        Assert.Contains("Engineering", team.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(LinearStub.ApiKey, chromium.Driver.PageSource, StringComparison.Ordinal);

        chromium.GoTo(new Uri(address, $"/backoffice/conversations/{conversationId}"));
        chromium.Wait(d => d.FindElement(By.CssSelector("[data-linear-create]")), "the Create Linear ticket button").Click();
        var link = chromium.Wait(d => d.FindElement(By.CssSelector("a[data-linear-issue]")), "the ticket's link");
        Assert.Equal(LinearStub.IssueIdentifier, link.Text);
        Assert.Equal(LinearStub.IssueUrl, link.GetAttribute("href"));
        Assert.Empty(chromium.Driver.FindElements(By.CssSelector("[data-linear-create]")));
        chromium.Screenshot("backoffice-transcript-linear-ticket");

        chromium.Driver.Navigate().GoToUrl(new Uri(address, $"/backoffice/conversations/{conversationId}"));
        Assert.Equal(LinearStub.IssueIdentifier, chromium.Wait(d => d.FindElement(By.CssSelector("a[data-linear-issue]")), "the link after a reload").Text);
        Assert.Empty(chromium.Driver.FindElements(By.CssSelector("[data-linear-create]")));

        var sent = Assert.Single(linear.Bodies("issueCreate"));
        var input = sent.GetProperty("variables").GetProperty("input");
        Assert.Equal(Question, input.GetProperty("title").GetString());
        Assert.Contains($"https://rose.example/backoffice/conversations/{conversationId}", input.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    private HttpClient Client() => new() { BaseAddress = address };

    private async Task<string> AskAsync(string question)
    {
        using var widget = Client();
        widget.DefaultRequestHeaders.Add("X-Rose-Key", publicKey);
        var start = await widget.PostAsJsonAsync("/rose/v1/conversations", new { });
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var started = await start.Content.ReadFromJsonAsync<JsonElement>();
        var id = started.GetProperty("conversationId").GetString()!;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/rose/v1/conversations/{id}/messages") { Content = JsonContent.Create(new { text = question }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", started.GetProperty("token").GetString());
        using var response = await widget.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await response.Content.ReadAsStringAsync();
        return id;
    }
}
