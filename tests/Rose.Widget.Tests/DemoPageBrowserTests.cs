using System.Net.Http.Json;
using System.Text.Json;
using OpenQA.Selenium;
using Rose.Testing.Browser;
using Xunit;
using Xunit.Abstractions;

namespace Rose.Widget.Tests;

/// <summary>The widget on the standalone host's /demo page, in real headless Chromium.</summary>
[Collection(StandaloneHostCollection.Name)]
public sealed class DemoPageBrowserTests(StandaloneHostFixture host, ITestOutputHelper log)
{
    [Fact]
    public async Task Demo_page_opens_the_widget_with_the_tenant_greeting_and_colours()
    {
        var config = await WidgetConfigAsync();
        using var browser = new HeadlessChromium();
        browser.GoTo(new Uri(host.Address, "/demo"));

        var launcher = browser.InWidget("button.launcher");
        Assert.Equal("false", launcher.GetAttribute("aria-expanded"));
        Assert.Equal("Open chat with " + config.GetProperty("name").GetString(), launcher.GetAttribute("aria-label"));
        Assert.Equal(Rgba(config.GetProperty("primaryColor").GetString()!), launcher.GetCssValue("background-color"));
        Assert.Equal(Rgba(config.GetProperty("textColor").GetString()!), launcher.GetCssValue("color"));

        launcher.Click();
        var greeting = browser.InWidget(".greeting p");
        browser.Wait(_ => greeting.Displayed, "the greeting to be visible");
        Assert.Equal(config.GetProperty("greeting").GetString(), greeting.Text);
        Assert.Equal("true", launcher.GetAttribute("aria-expanded"));
        Assert.Equal(Rgba(config.GetProperty("primaryColor").GetString()!), browser.InWidget(".head").GetCssValue("background-color"));
        Assert.Equal(config.GetProperty("name").GetString(), browser.InWidget("#rose-title").Text);
        Assert.Equal("textarea.", browser.FocusedInWidget());
        Assert.Equal("polite", browser.InWidget("[role=log]").GetAttribute("aria-live"));
        log.WriteLine("screenshot: " + browser.Screenshot("demo-open"));
    }

    [Fact]
    public void Escape_closes_the_panel_and_returns_focus_to_the_launcher()
    {
        using var browser = new HeadlessChromium();
        browser.GoTo(new Uri(host.Address, "/demo"));
        var launcher = browser.InWidget("button.launcher");

        // Keyboard only: focus the launcher, open with Enter.
        browser.Script<object>("document.querySelector('rose-widget').shadowRoot.querySelector('.launcher').focus(); return null;");
        browser.Press(Keys.Enter);
        var panel = browser.InWidget(".panel");
        browser.Wait(_ => panel.Displayed, "the panel to open");
        Assert.Equal("textarea.", browser.FocusedInWidget());

        // Tab cycles inside the open panel: the focus never leaves it.
        var seen = new HashSet<string>();
        for (var i = 0; i < 8; i++)
        {
            browser.Press(Keys.Tab);
            var focused = browser.FocusedInWidget();
            Assert.True(browser.Script<bool>(
                "var r=document.querySelector('rose-widget').shadowRoot; return r.querySelector('.panel').contains(r.activeElement);"),
                $"focus left the panel after {i + 1} Tab presses: {focused}");
            seen.Add(focused);
        }

        Assert.Contains("button.close", seen);
        browser.Press(Keys.Shift + Keys.Tab);
        browser.Press(Keys.Escape);

        browser.Wait(_ => !panel.Displayed, "Esc to close the panel");
        Assert.Equal("false", launcher.GetAttribute("aria-expanded"));
        Assert.Equal("button.launcher", browser.FocusedInWidget());
        log.WriteLine("screenshot: " + browser.Screenshot("demo-closed-by-escape"));
    }

    [Fact]
    public void Widget_fills_the_screen_on_a_phone()
    {
        using var browser = new HeadlessChromium(phone: true);
        browser.GoTo(new Uri(host.Address, "/demo"));
        browser.InWidget("button.launcher").Click();
        var panel = browser.InWidget(".panel");
        browser.Wait(_ => panel.Displayed, "the panel to open");

        var viewport = browser.Script<IReadOnlyDictionary<string, object>>("return {w: innerWidth, h: innerHeight};");
        Assert.Equal(Convert.ToInt64(viewport["w"]), panel.Size.Width);
        Assert.Equal(Convert.ToInt64(viewport["h"]), panel.Size.Height);
        Assert.Equal(0, panel.Location.X);
        Assert.Equal(0, panel.Location.Y);
        Assert.False(browser.InWidget("button.launcher").Displayed, "the launcher hides behind the full-screen panel");
        Assert.True(browser.InWidget("button.close").Displayed);
        log.WriteLine("screenshot: " + browser.Screenshot("demo-phone"));
    }

    private async Task<JsonElement> WidgetConfigAsync()
    {
        using var client = new HttpClient { BaseAddress = host.Address };
        client.DefaultRequestHeaders.Add("X-Rose-Key", StandaloneHostFixture.PublicKey);
        return await client.GetFromJsonAsync<JsonElement>("/rose/v1/widget/config");
    }

    /// <summary>#rrggbb as Chromium reports a computed colour.</summary>
    private static string Rgba(string hex)
    {
        var h = hex.TrimStart('#');
        if (h.Length == 3)
        {
            h = string.Concat(h.Select(c => new string(c, 2)));
        }

        var v = Convert.FromHexString(h[..6]);
        return $"rgba({v[0]}, {v[1]}, {v[2]}, 1)";
    }
}
