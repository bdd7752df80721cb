using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OpenQA.Selenium;
using Rose.Testing;
using Rose.Testing.Browser;
using Xunit;

namespace Rose.Backoffice.Tests;

/// <summary>
/// The backoffice as a marketer uses it, in real headless Chromium against the real standalone host
/// (the README's first command): sign in as the demo owner, find a conversation that the widget API
/// just had in the list, filter and search for it, open its transcript with its citation. A
/// screenshot of every page is kept in TestResults/screenshots.
/// </summary>
public sealed class BackofficeBrowserTests : IAsyncLifetime
{
    private const string PublicKey = "pk_backoffice_tests_0123456789abcdef";
    private const string OwnerEmail = "owner@demo.rose.test";
    private const string OwnerPassword = "backoffice-browser-tests";
    private const string StaffKey = "staff-key-for-backoffice-browser-tests";

    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "rose-backoffice-tests-" + Guid.NewGuid().ToString("N"));
    private StandaloneProcess? host;

    private StandaloneProcess Host => host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync()
    {
        host = StandaloneProcess.Start(dataPath, new Dictionary<string, string>
        {
            ["Rose__Demo__PublicKey"] = PublicKey,
            ["Rose__Demo__OwnerPassword"] = OwnerPassword,
            ["Rose__Admin__ApiKey"] = StaffKey,
        });
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
    }

    [Fact]
    public async Task Owner_signs_in_finds_the_conversation_filters_it_and_reads_its_transcript_with_the_citation()
    {
        var conversationId = await AskAsync(PublicKey, "How do I run Rose with Dapr?");
        var otherTenantsConversation = await OtherTenantsConversationAsync();
        using var chromium = new HeadlessChromium();

        chromium.GoTo(new Uri(Host.Address, "/backoffice/conversations"));
        chromium.Wait(d => d.Url.Contains("/backoffice/login", StringComparison.Ordinal), "the sign-in page");
        chromium.Screenshot("backoffice-sign-in");
        chromium.Driver.FindElement(By.Id("email")).SendKeys(OwnerEmail);
        chromium.Driver.FindElement(By.Id("password")).SendKeys(OwnerPassword + Keys.Enter);

        // Back where the sign-in started: the list, with the conversation the widget API just had.
        var row = chromium.Wait(d => d.FindElement(By.CssSelector($"a[href='conversations/{conversationId}']")), "the conversation in the list");
        Assert.Equal("How do I run Rose with Dapr?", row.Text);
        chromium.Screenshot("backoffice-conversations");

        chromium.Driver.FindElement(By.Id("q")).SendKeys("with dapr" + Keys.Enter);
        chromium.Wait(d => d.Url.Contains("q=with", StringComparison.Ordinal), "the search in the URL");
        Assert.Single(chromium.Driver.FindElements(By.CssSelector("table.list tbody tr")));
        chromium.Driver.FindElement(By.Id("q")).Clear();
        chromium.Driver.FindElement(By.Id("q")).SendKeys("nothing like this was asked" + Keys.Enter);
        chromium.Wait(d => d.FindElement(By.CssSelector("p.empty")).Text.Contains("No conversation matches", StringComparison.Ordinal), "no match");

        chromium.GoTo(new Uri(Host.Address, "/backoffice/conversations"));
        chromium.Wait(d => d.FindElement(By.CssSelector($"a[href='conversations/{conversationId}']")), "the list again").Click();
        var citation = chromium.Wait(d => d.FindElement(By.CssSelector(".citations a")), "the answer's citation");
        Assert.Contains("/docs/", citation.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("How do I run Rose with Dapr?", chromium.Driver.FindElement(By.CssSelector(".message.visitor .text")).Text, StringComparison.Ordinal);
        chromium.Screenshot("backoffice-transcript");

        chromium.GoTo(new Uri(Host.Address, $"/backoffice/conversations/{otherTenantsConversation}"));
        Assert.Equal("Not found", chromium.Wait(d => d.FindElement(By.TagName("h1")), "the not-found page").Text);

        chromium.GoTo(new Uri(Host.Address, "/backoffice/"));
        chromium.Wait(d => d.FindElement(By.CssSelector(".stats")), "the overview");
        chromium.Screenshot("backoffice-overview");
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        if (Directory.Exists(dataPath))
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }

    /// <summary>Starts a conversation through the widget API and asks one question; returns the conversation's id.</summary>
    private async Task<string> AskAsync(string publicKey, string question)
    {
        using var widget = new HttpClient { BaseAddress = Host.Address };
        widget.DefaultRequestHeaders.Add("X-Rose-Key", publicKey);
        var started = await (await widget.PostAsJsonAsync("/rose/v1/conversations", new { page = "https://docs.rose.test/start" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = started.GetProperty("conversationId").GetString()!;
        using var ask = new HttpRequestMessage(HttpMethod.Post, $"/rose/v1/conversations/{id}/messages") { Content = JsonContent.Create(new { text = question }) };
        ask.Headers.Authorization = new AuthenticationHeaderValue("Bearer", started.GetProperty("token").GetString());
        var answer = await (await widget.SendAsync(ask)).Content.ReadAsStringAsync();
        Assert.Contains("event: done", answer, StringComparison.Ordinal);
        return id;
    }

    private async Task<string> OtherTenantsConversationAsync()
    {
        using var staff = new HttpClient { BaseAddress = Host.Address };
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StaffKey);
        var created = await (await staff.PostAsJsonAsync("/admin/v1/tenants", new { tenantId = "globex", name = "Globex" })).Content.ReadFromJsonAsync<JsonElement>();
        return await AskAsync(created.GetProperty("tenant").GetProperty("publicKey").GetString()!, "A question of another tenant");
    }
}
