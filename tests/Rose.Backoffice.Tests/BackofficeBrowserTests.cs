using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OpenQA.Selenium;
using Rose.Testing.Browser;
using Xunit;

namespace Rose.Backoffice.Tests;

/// <summary>
/// The backoffice as a marketer uses it, in real headless Chromium against the real standalone host
/// (the README's first command): sign in as the demo owner, find a conversation that the widget API
/// just had in the list, filter and search for it, open its transcript with its citation, upload a
/// document and see it indexed, change the widget's colour, watch the live view grow. axe-core checks
/// every page for serious or critical WCAG 2.1 AA violations, and a screenshot of every page is kept
/// in TestResults/screenshots.
/// </summary>
public sealed partial class BackofficeBrowserTests : IAsyncLifetime
{
    private const string PublicKey = "pk_backoffice_tests_0123456789abcdef";
    private const string OwnerEmail = BackofficeStandalone.OwnerEmail;
    private const string OwnerPassword = "backoffice-browser-tests";
    private const string StaffKey = "staff-key-for-backoffice-browser-tests";

    private BackofficeStandalone? host;

    private BackofficeStandalone Host => host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync() =>
        host = await BackofficeStandalone.StartAsync(PublicKey, OwnerPassword, new Dictionary<string, string> { ["Rose__Admin__ApiKey"] = StaffKey });

    [Fact]
    public async Task Owner_signs_in_finds_the_conversation_filters_it_and_reads_its_transcript_with_the_citation()
    {
        var conversationId = await AskAsync(PublicKey, "How do I run Rose with Dapr?");
        var otherTenantsConversation = await OtherTenantsConversationAsync();
        using var chromium = new HeadlessChromium();

        SignInAsOwner(chromium, "/backoffice/conversations", "backoffice-sign-in");

        // Back where the sign-in started: the list, with the conversation the widget API just had.
        var row = chromium.Wait(d => d.FindElement(By.CssSelector($"a[href='conversations/{conversationId}']")), "the conversation in the list");
        Assert.Equal("How do I run Rose with Dapr?", row.Text);
        AxeScan.AssertAccessible(chromium, "backoffice-conversations");

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
        AxeScan.AssertAccessible(chromium, "backoffice-transcript");

        chromium.GoTo(new Uri(Host.Address, $"/backoffice/conversations/{otherTenantsConversation}"));
        Assert.Equal("Not found", chromium.Wait(d => d.FindElement(By.TagName("h1")), "the not-found page").Text);
        AxeScan.AssertAccessible(chromium, "backoffice-not-found");

        chromium.GoTo(new Uri(Host.Address, "/backoffice/"));
        chromium.Wait(d => d.FindElement(By.CssSelector(".stats")), "the overview");
        AxeScan.AssertAccessible(chromium, "backoffice-overview");

        // The knowledge base: upload a Markdown file and watch it reach "indexed".
        var file = Path.Combine(Host.DataPath, "refunds.md");
        await File.WriteAllTextAsync(file, "# Refunds\n\nRose refunds the Classroom kit within 30 days, no questions asked.\n");
        chromium.GoTo(new Uri(Host.Address, "/backoffice/knowledge"));
        chromium.Driver.FindElement(By.Id("file")).SendKeys(file);
        chromium.Driver.FindElement(By.Id("title")).SendKeys("Refund policy");
        chromium.Driver.FindElement(By.CssSelector("form[enctype='multipart/form-data'] button[type=submit]")).Click();
        chromium.Wait(d => d.FindElement(By.CssSelector("[role=status]")).Text.Contains("Refund policy", StringComparison.Ordinal), "the upload accepted");
        chromium.Wait(d =>
        {
            d.Navigate().Refresh();
            return d.FindElement(By.XPath("//tr[td[normalize-space()='Refund policy']]//span[contains(@class,'tag')]")).Text == "indexed";
        }, "the upload indexed", TimeSpan.FromSeconds(60));
        chromium.Driver.FindElement(By.Id("try")).SendKeys("How long do refunds take?" + Keys.Enter);
        var best = chromium.Wait(d => d.FindElement(By.CssSelector(".passages li")), "the passages retrieved");
        Assert.Contains("within 30 days", best.Text, StringComparison.Ordinal);
        Assert.Contains("score", best.Text, StringComparison.Ordinal);
        AxeScan.AssertAccessible(chromium, "backoffice-knowledge");

        // The widget's colour, saved through the page, is what the widget API then serves.
        chromium.GoTo(new Uri(Host.Address, "/backoffice/widget"));
        chromium.Script<object>("document.getElementById('primary').value = '#123456'; return null;");
        chromium.Driver.FindElement(By.CssSelector("form button.primary")).Click();
        chromium.Wait(d => d.FindElement(By.CssSelector("[role=status]")).Text.StartsWith("Saved", StringComparison.Ordinal), "the settings saved");
        AxeScan.AssertAccessible(chromium, "backoffice-widget");
        using (var widget = Widget(PublicKey))
        {
            Assert.Equal("#123456", (await widget.GetFromJsonAsync<JsonElement>("/rose/v1/widget/config")).GetProperty("primaryColor").GetString());
        }

        // The live view: a conversation that starts while it is open appears, and grows, without a reload.
        chromium.GoTo(new Uri(Host.Address, "/backoffice/conversations/live"));
        chromium.Wait(d => d.FindElement(By.CssSelector(".live")), "the live view");
        chromium.Script<object>("window.notReloaded = true; return null;");
        var (liveId, token) = await StartAsync(PublicKey);
        await AskAsync(PublicKey, liveId, token, "Does the backoffice update live?");
        // It may first show up as started but not asked yet; then its question arrives.
        chromium.Wait(
            d => d.FindElement(By.CssSelector($".live a[href='conversations/{liveId}']")).Text == "Does the backoffice update live?",
            "the new conversation and its question in the live view", TimeSpan.FromSeconds(20));
        await AskAsync(PublicKey, liveId, token, "And a second question?");
        chromium.Wait(d => d.FindElement(By.XPath($"//a[@href='conversations/{liveId}']/following-sibling::span[@data-messages='4']")), "the conversation growing to 4 messages", TimeSpan.FromSeconds(20));
        Assert.True(chromium.Script<bool>("return window.notReloaded === true;"), "the page was not reloaded");
        AxeScan.AssertAccessible(chromium, "backoffice-live");

        chromium.GoTo(new Uri(Host.Address, "/backoffice/leads"));
        chromium.Wait(d => d.FindElement(By.CssSelector("p.empty")), "the leads page, empty");
        AxeScan.AssertAccessible(chromium, "backoffice-leads");

        chromium.GoTo(new Uri(Host.Address, "/backoffice/companies"));
        chromium.Wait(d => d.FindElement(By.CssSelector("p.empty")), "the companies page, empty");
        AxeScan.AssertAccessible(chromium, "backoffice-companies-empty");
        chromium.GoTo(new Uri(Host.Address, "/backoffice/settings/leads"));
        chromium.Wait(d => d.FindElement(By.CssSelector("tr[data-label=pricing]")), "the lead settings with the default labels");
        AxeScan.AssertAccessible(chromium, "backoffice-lead-settings-default");
    }

    [Fact]
    public async Task Owner_answers_an_unanswered_question_in_the_faq_editor_and_the_agent_retrieves_it_until_deleted()
    {
        // The demo knowledge base (docs/) says nothing about an uptime SLA: the offline agent declines.
        const string Question = "What uptime SLA do you guarantee for the hosted cloud plan?";
        await AskAsync(PublicKey, Question);
        using var chromium = new HeadlessChromium();
        SignInAsOwner(chromium, "/backoffice/", null);

        var answerIt = chromium.Wait(
            d => d.FindElement(By.XPath($"//section[@class='unanswered']//li[strong[normalize-space()='{Question}']]//a[@class='answer-it']")),
            "the unanswered question on the overview, with “answer it”");
        AxeScan.AssertAccessible(chromium, "backoffice-overview-unanswered");
        answerIt.Click();

        // The editor opens with the question filled in and the focus on the answer.
        chromium.Wait(d => d.FindElement(By.Id("question")).GetAttribute("value") == Question, "the question prefilled");
        Assert.Equal("answer", chromium.Script<string>("return document.activeElement.id;"));
        AxeScan.AssertAccessible(chromium, "backoffice-faq-editor-prefilled");
        chromium.Driver.FindElement(By.CssSelector("form button.primary")).Click();
        Assert.Equal("Write the answer.", chromium.Wait(d => d.FindElement(By.Id("answer-error")), "the empty answer refused in words").Text);
        Assert.Equal(Question, chromium.Driver.FindElement(By.Id("question")).GetAttribute("value"));
        Assert.Equal("true", chromium.Driver.FindElement(By.Id("answer")).GetAttribute("aria-invalid"));
        AxeScan.AssertAccessible(chromium, "backoffice-faq-editor-error");

        chromium.Driver.FindElement(By.Id("answer")).SendKeys("The hosted cloud plan guarantees 99.95% uptime, with service credits below it.");
        chromium.Driver.FindElement(By.CssSelector("form button.primary")).Click();
        chromium.Wait(d => d.FindElement(By.CssSelector("[role=status]")).Text.Contains(Question, StringComparison.Ordinal), "the entry saved");
        var row = chromium.Wait(d => d.FindElement(By.XPath($"//tr[@data-faq][td[normalize-space()='{Question}']]")), "the entry listed");
        Assert.Contains("99.95% uptime", row.Text, StringComparison.Ordinal);
        WaitUntilIndexed(chromium, Question);
        AxeScan.AssertAccessible(chromium, "backoffice-faqs");

        chromium.GoTo(new Uri(Host.Address, "/backoffice/knowledge"));
        chromium.Driver.FindElement(By.Id("try")).SendKeys(Question + Keys.Enter);
        chromium.Wait(d => d.FindElements(By.CssSelector(".passages li")).Any(p => p.Text.Contains("99.95% uptime", StringComparison.Ordinal)), "the entry retrieved by “try a question”");

        // The entry is a document of the knowledge base: it can be re-indexed from the list.
        chromium.Wait(d => d.FindElement(By.CssSelector($"button[aria-label='Re-index {Question}']")), "the entry's re-index button").Click();
        Assert.Equal($"“{Question}” is queued to be indexed again.", chromium.Wait(d => d.FindElement(By.CssSelector("p[role=status]")), "the re-index confirmed").Text);
        // A sitemap without its URL is refused in words.
        chromium.Driver.FindElement(By.XPath("//section[@aria-labelledby='sitemap-title']//button")).Click();
        Assert.Equal("Give the sitemap's url.", chromium.Wait(d => d.FindElement(By.CssSelector("p[role=alert]")), "the empty sitemap refused").Text);

        // Edit it: the same entry, with the new answer.
        chromium.GoTo(new Uri(Host.Address, "/backoffice/knowledge/faqs"));
        chromium.Wait(d => d.FindElement(By.CssSelector($"a[aria-label='Edit “{Question}”']")), "the edit link").Click();
        var answer = chromium.Wait(d => d.FindElement(By.Id("answer")), "the editor of the entry");
        Assert.Equal("The hosted cloud plan guarantees 99.95% uptime, with service credits below it.", answer.GetAttribute("value"));
        answer.Clear();
        answer.SendKeys("The hosted cloud plan guarantees 99.9% uptime each month.");
        chromium.Driver.FindElement(By.CssSelector("form button.primary")).Click();
        chromium.Wait(d => d.FindElement(By.CssSelector("[role=status]")).Text.Contains(Question, StringComparison.Ordinal), "the edit saved");
        var edited = Assert.Single(chromium.Driver.FindElements(By.CssSelector("tr[data-faq]")));
        Assert.Contains("99.9% uptime each month", edited.Text, StringComparison.Ordinal);
        WaitUntilIndexed(chromium, Question);

        // Delete it, after a confirmation.
        chromium.Driver.FindElement(By.CssSelector($"a[aria-label='Delete “{Question}”']")).Click();
        chromium.Wait(d => d.FindElement(By.CssSelector(".confirm button.danger")), "the confirmation").Click();
        chromium.Wait(d => d.FindElement(By.CssSelector("p.empty")).Text.StartsWith("No FAQ entries yet", StringComparison.Ordinal), "the empty list");
        Assert.Equal("The FAQ entry is deleted.", chromium.Driver.FindElement(By.CssSelector("[role=status]")).Text);
        AxeScan.AssertAccessible(chromium, "backoffice-faqs-empty");
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    /// <summary>Opens <paramref name="path"/>, is sent to the sign-in page, and signs in as the demo owner (keeping a scan of the sign-in page when named).</summary>
    private void SignInAsOwner(HeadlessChromium chromium, string path, string? scanName)
    {
        chromium.GoTo(new Uri(Host.Address, path));
        chromium.Wait(d => d.Url.Contains("/backoffice/login", StringComparison.Ordinal), "the sign-in page");
        if (scanName is not null)
        {
            AxeScan.AssertAccessible(chromium, scanName);
        }

        chromium.Driver.FindElement(By.Id("email")).SendKeys(OwnerEmail);
        chromium.Driver.FindElement(By.Id("password")).SendKeys(OwnerPassword + Keys.Enter);
    }

    /// <summary>Reloads the FAQ list until the entry with <paramref name="question"/> is indexed.</summary>
    private static void WaitUntilIndexed(HeadlessChromium chromium, string question) =>
        chromium.Wait(d =>
        {
            d.Navigate().Refresh();
            return d.FindElement(By.XPath($"//tr[@data-faq][td[normalize-space()='{question}']]//span[contains(@class,'tag')]")).Text == "indexed";
        }, "the entry indexed", TimeSpan.FromSeconds(60));

    /// <summary>Starts a conversation through the widget API and asks one question; returns the conversation's id.</summary>
    private async Task<string> AskAsync(string publicKey, string question)
    {
        var (id, token) = await StartAsync(publicKey);
        await AskAsync(publicKey, id, token, question);
        return id;
    }

    private Task<(string Id, string Token)> StartAsync(string publicKey) => Host.StartConversationAsync(publicKey);

    private Task AskAsync(string publicKey, string id, string token, string question) => Host.AskAsync(publicKey, id, token, question);

    private HttpClient Widget(string publicKey) => Host.Widget(publicKey);

    private async Task<string> OtherTenantsConversationAsync()
    {
        using var staff = new HttpClient { BaseAddress = Host.Address };
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StaffKey);
        var created = await (await staff.PostAsJsonAsync("/admin/v1/tenants", new { tenantId = "globex", name = "Globex" })).Content.ReadFromJsonAsync<JsonElement>();
        return await AskAsync(created.GetProperty("tenant").GetProperty("publicKey").GetString()!, "A question of another tenant");
    }
}
