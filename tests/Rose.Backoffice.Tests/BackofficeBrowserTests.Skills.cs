using System.Net.Http.Json;
using System.Text.Json;
using OpenQA.Selenium;
using Rose.Testing.Browser;
using Xunit;

namespace Rose.Backoffice.Tests;

/// <summary>The Skills page in Chromium: add, edit, reorder, disable, a bad URL refused, delete after confirming; the widget config follows.</summary>
public sealed partial class BackofficeBrowserTests
{
    [Fact]
    public async Task Owner_adds_edits_reorders_disables_and_deletes_a_skill_and_the_widget_config_follows()
    {
        using var chromium = new HeadlessChromium();
        SignInAsOwner(chromium, "/backoffice/skills", null);
        chromium.Wait(d => d.FindElement(By.Id("skill-label")), "the skills page");
        var before = await OfferedSkillIdsAsync();
        Assert.NotEmpty(before);

        chromium.Driver.FindElement(By.Id("skill-id")).SendKeys("case-studies");
        chromium.Driver.FindElement(By.CssSelector("#skill-type option[value='ReadPage']")).Click();
        chromium.Driver.FindElement(By.Id("skill-label")).SendKeys("Read our case studies");
        chromium.Driver.FindElement(By.Id("skill-url")).SendKeys("not a url");
        chromium.Driver.FindElement(By.Id("skill-description")).SendKeys("The visitor wants proof that other schools use it.");
        chromium.Driver.FindElement(By.XPath("//button[normalize-space()='Add the skill']")).Click();
        var urlError = chromium.Wait(d => d.FindElement(By.Id("url-error")), "the bad URL refused");
        Assert.Contains("http(s) URL", urlError.Text, StringComparison.Ordinal);
        Assert.Empty(chromium.Driver.FindElements(By.CssSelector("tr[data-skill='case-studies']")));

        var url = chromium.Driver.FindElement(By.Id("skill-url"));
        url.Clear();
        url.SendKeys("https://www.example.com/case-studies");
        chromium.Driver.FindElement(By.XPath("//button[normalize-space()='Add the skill']")).Click();
        chromium.Wait(d => d.FindElement(By.CssSelector("tr[data-skill='case-studies']")), "the new skill in the list");
        Assert.Equal("case-studies", LastRow(chromium));
        AxeScan.AssertAccessible(chromium, "backoffice-skills");
        var afterAdd = await OfferedSkillIdsAsync();
        Assert.Equal([.. before, "case-studies"], afterAdd);

        chromium.Driver.FindElement(By.CssSelector("tr[data-skill='case-studies'] button[name='Action.Up']")).Click();
        chromium.Wait(d => d.FindElement(By.CssSelector("[data-skill-message]")).Text.Contains("moved up", StringComparison.Ordinal), "the skill moved up");
        Assert.NotEqual("case-studies", LastRow(chromium));
        var afterMove = await OfferedSkillIdsAsync();
        Assert.Equal([.. before[..^1], "case-studies", before[^1]], afterMove);

        chromium.Driver.FindElement(By.CssSelector("tr[data-skill='case-studies'] a[href='skills?edit=case-studies']")).Click();
        var label = chromium.Wait(d => d.FindElement(By.Id("skill-label")), "the skill's edit form");
        Assert.Equal("Read our case studies", label.GetAttribute("value"));
        label.Clear();
        label.SendKeys("See schools like yours");
        chromium.Driver.FindElement(By.XPath("//button[normalize-space()='Save the changes']")).Click();
        chromium.Wait(d => d.FindElement(By.CssSelector("tr[data-skill='case-studies'] td")).Text == "See schools like yours", "the label changed");

        chromium.Driver.FindElement(By.CssSelector("tr[data-skill='case-studies'] button[name='Action.Disable']")).Click();
        chromium.Wait(d => d.FindElement(By.CssSelector("tr[data-skill='case-studies'] [data-skill-state]")).Text == "disabled", "the skill disabled");
        Assert.Equal(before, await OfferedSkillIdsAsync());

        chromium.Driver.FindElement(By.CssSelector("tr[data-skill='case-studies'] summary")).Click();
        chromium.Driver.FindElement(By.CssSelector("tr[data-skill='case-studies'] button[name='Action.Delete']")).Click();
        chromium.Wait(d => d.FindElement(By.CssSelector("[data-skill-message]")).Text.Contains("deleted", StringComparison.Ordinal), "the skill deleted");
        Assert.Empty(chromium.Driver.FindElements(By.CssSelector("tr[data-skill='case-studies']")));
        chromium.Screenshot("backoffice-skills-after-delete");
    }

    private static string LastRow(HeadlessChromium chromium) =>
        chromium.Driver.FindElements(By.CssSelector("tr[data-skill]"))[^1].GetAttribute("data-skill")!;

    /// <summary>The ids of the skills <c>GET /rose/v1/widget/config</c> offers the demo tenant's visitors, in order.</summary>
    private async Task<string[]> OfferedSkillIdsAsync()
    {
        using var widget = Widget(PublicKey);
        var config = await widget.GetFromJsonAsync<JsonElement>("/rose/v1/widget/config");
        return [.. config.GetProperty("skills").EnumerateArray().Select(s => s.GetProperty("id").GetString()!)];
    }
}
