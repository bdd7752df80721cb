using System.Net.Http.Json;
using OpenQA.Selenium;
using Rose.Testing.Browser;
using Xunit;

namespace Rose.Backoffice.Tests;

/// <summary>
/// Issue #13 end to end in real headless Chromium on the standalone host, whose conversations end
/// after two idle seconds: a pricing request for 200 seats that leaves a work e-mail and a bare hello
/// end; the Leads page ranks the first above the second with its reasons and exports both as CSV; the
/// transcript shows the company (from the e-mail's domain) and the tags; the Companies pages list it;
/// the lead settings page saves a change of the intent labels and says in words what is wrong with
/// bad input. axe-core checks every page; screenshots are kept in TestResults/screenshots.
/// </summary>
public sealed class LeadIntelligenceBrowserTests : IAsyncLifetime
{
    private const string PublicKey = "pk_lead_intelligence_tests_0123456789";
    private const string OwnerPassword = "lead-intelligence-browser-tests";

    private BackofficeStandalone? host;

    private BackofficeStandalone Host => host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync() =>
        host = await BackofficeStandalone.StartAsync(PublicKey, OwnerPassword, new Dictionary<string, string> { ["Rose__Chat__IdleAfter"] = "00:00:02" });

    [Fact]
    public async Task A_pricing_lead_with_a_work_email_ranks_above_a_hello_with_its_company_tags_factors_and_csv()
    {
        var pricing = await ConverseAsync("ana.lopez@northwind-traders.com",
            "Hi, we are looking at tools for our sales team.",
            "What would it cost for 200 seats? We'd need a quote for an annual contract.");
        var hello = await ConverseAsync(null, "hello");
        using var chromium = new HeadlessChromium();
        chromium.GoTo(new Uri(Host.Address, "/backoffice/leads"));
        chromium.Wait(d => d.Url.Contains("/backoffice/login", StringComparison.Ordinal), "the sign-in page");
        chromium.Driver.FindElement(By.Id("email")).SendKeys(BackofficeStandalone.OwnerEmail);
        chromium.Driver.FindElement(By.Id("password")).SendKeys(OwnerPassword + Keys.Enter);
        chromium.Wait(d => d.FindElement(By.CssSelector("h1")).Text == "Leads", "the Leads page once signed in");

        // The idle check runs every minute: both conversations end, are tagged and scored, then show.
        try
        {
            chromium.Wait(d =>
            {
                d.Navigate().Refresh();
                return d.FindElements(By.CssSelector("tr[data-lead]")).Count == 2;
            }, "both conversations on the Leads page", TimeSpan.FromSeconds(150));
        }
        catch (WebDriverTimeoutException)
        {
            throw new InvalidOperationException($"Both conversations never reached the Leads page; the page showed:\n{chromium.Driver.FindElement(By.TagName("main")).Text}\nThe host logged:\n{Host.Output}");
        }
        var rows = chromium.Driver.FindElements(By.CssSelector("tr[data-lead]"));
        Assert.Equal([pricing, hello], rows.Select(r => r.GetAttribute("data-lead")));
        var hot = int.Parse(rows[0].FindElement(By.CssSelector("[data-score]")).GetAttribute("data-score")!, System.Globalization.CultureInfo.InvariantCulture);
        var cold = int.Parse(rows[1].FindElement(By.CssSelector("[data-score]")).GetAttribute("data-score")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(hot >= cold + 30, $"{hot} vs {cold}");
        var factors = rows[0].FindElements(By.CssSelector(".factors li")).Select(f => f.Text).ToList();
        Assert.Contains(factors, f => f.EndsWith("asked for pricing", StringComparison.Ordinal));
        Assert.Contains(factors, f => f.EndsWith("left an e-mail address", StringComparison.Ordinal));
        Assert.Contains("ana.lopez@northwind-traders.com", rows[0].Text, StringComparison.Ordinal);
        Assert.Contains("northwind-traders.com", rows[0].Text, StringComparison.Ordinal);
        AxeScan.AssertAccessible(chromium, "backoffice-leads-ranked");

        var csv = chromium.Driver.ExecuteAsyncScript(
            "var done = arguments[arguments.length - 1]; fetch(document.querySelector('[data-leads-csv]').href).then(r => r.text()).then(done, e => done('failed: ' + e));") as string ?? string.Empty;
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("conversation_id,score,factors,intent", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith(pricing + ",", lines[1], StringComparison.Ordinal);
        Assert.Contains("asked for pricing", lines[1], StringComparison.Ordinal);
        Assert.StartsWith(hello + ",", lines[2], StringComparison.Ordinal);

        chromium.Script<object>("document.getElementById('email').value = 'yes'; return null;");
        chromium.Driver.FindElement(By.CssSelector("form.filters button[type=submit]")).Click();
        chromium.Wait(d => d.Url.Contains("email=yes", StringComparison.Ordinal) && d.FindElements(By.CssSelector("tr[data-lead]")).Count == 1, "the leads with an e-mail");

        // The transcript: the company card from the e-mail's domain, the tags, the score's factors, retag.
        chromium.GoTo(new Uri(Host.Address, $"/backoffice/conversations/{pricing}"));
        var card = chromium.Wait(d => d.FindElement(By.CssSelector(".card.company")), "the company card");
        Assert.Contains("Northwind Traders", card.Text, StringComparison.Ordinal);
        Assert.Contains("email-domain", card.Text, StringComparison.Ordinal);
        Assert.NotEmpty(chromium.Driver.FindElements(By.CssSelector("[data-tag-group=intent][data-tag=pricing]")));
        Assert.NotEmpty(chromium.Driver.FindElements(By.CssSelector("[data-tag-group=stage]:not([data-tag=awareness])")));
        Assert.NotEmpty(chromium.Driver.FindElements(By.CssSelector("[data-tag-group=language]")));
        AxeScan.AssertAccessible(chromium, "backoffice-transcript-lead");
        chromium.Driver.FindElement(By.CssSelector("button[data-retag]")).Click();
        chromium.Wait(d => d.FindElements(By.CssSelector("[data-tag=pricing]")).Count > 0 && d.FindElements(By.CssSelector("[role=alert]")).Count == 0, "the retagged conversation");

        // The companies: the list, the company's page, and an id of another tenant's shape: not found.
        chromium.GoTo(new Uri(Host.Address, "/backoffice/companies"));
        chromium.Wait(d => d.FindElement(By.CssSelector("tr[data-company='northwind-traders.com'] a")), "the company in the list");
        AxeScan.AssertAccessible(chromium, "backoffice-companies");
        chromium.Driver.FindElement(By.CssSelector("tr[data-company='northwind-traders.com'] a")).Click();
        chromium.Wait(d => d.FindElement(By.TagName("h1")).Text == "Northwind Traders", "the company's page");
        Assert.NotEmpty(chromium.Driver.FindElements(By.CssSelector($"a[href='conversations/{pricing}']")));
        AxeScan.AssertAccessible(chromium, "backoffice-company");
        chromium.GoTo(new Uri(Host.Address, "/backoffice/companies/globex:northwind-traders.com"));
        Assert.Equal("Not found", chromium.Wait(d => d.FindElement(By.TagName("h1")), "the not-found page").Text);

        // The lead settings: a new intent label is saved as a new version; a bad name is refused in words.
        chromium.GoTo(new Uri(Host.Address, "/backoffice/settings/leads"));
        var newRow = chromium.Wait(d => d.FindElement(By.CssSelector("tr[data-label=new]")), "the intent labels");
        AxeScan.AssertAccessible(chromium, "backoffice-lead-settings");
        newRow.FindElement(By.CssSelector("input[id^=label-name]")).SendKeys("free-trial");
        newRow.FindElement(By.CssSelector("input[id^=label-description]")).SendKeys("The visitor wants to try the product for free before buying.");
        chromium.Driver.FindElement(By.CssSelector("section[aria-labelledby=labels-title] button.primary")).Click();
        var saved = chromium.Wait(d => d.FindElement(By.CssSelector("[data-saved=labels]")), "the labels saved");
        Assert.Contains("version v1.r1", saved.Text, StringComparison.Ordinal);
        Assert.NotEmpty(chromium.Driver.FindElements(By.CssSelector("tr[data-label=free-trial]")));

        newRow = chromium.Driver.FindElement(By.CssSelector("tr[data-label=new]"));
        newRow.FindElement(By.CssSelector("input[id^=label-name]")).SendKeys("Bad Name");
        newRow.FindElement(By.CssSelector("input[id^=label-description]")).SendKeys("Anything.");
        chromium.Driver.FindElement(By.CssSelector("section[aria-labelledby=labels-title] button.primary")).Click();
        var refused = chromium.Wait(d => d.FindElement(By.CssSelector("[data-errors=labels]")), "the error in words");
        Assert.Contains("\"Bad Name\" is not a label name", refused.Text, StringComparison.Ordinal);
        AxeScan.AssertAccessible(chromium, "backoffice-lead-settings-error");
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    /// <summary>A conversation through the widget API: each message with its streamed answer, then the e-mail if given.</summary>
    private async Task<string> ConverseAsync(string? email, params string[] messages)
    {
        var (id, token) = await Host.StartConversationAsync(PublicKey, "https://docs.rose.test/pricing");
        foreach (var text in messages)
        {
            await Host.AskAsync(PublicKey, id, token, text);
        }

        if (email is not null)
        {
            using var widget = Host.Widget(PublicKey);
            var lead = await widget.PostAsJsonAsync("/rose/v1/leads", new { email, conversationId = id });
            Assert.True(lead.IsSuccessStatusCode, await lead.Content.ReadAsStringAsync());
        }

        return id;
    }
}
