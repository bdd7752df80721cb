using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OpenQA.Selenium;
using Rose.Testing.Browser;
using Xunit;
using Xunit.Abstractions;

namespace Rose.Widget.Tests;

/// <summary>
/// The widget against a scripted API (<see cref="FakeRoseApi"/>), in real headless Chromium: the
/// cases the real pipeline cannot be made to produce on demand.
/// </summary>
public sealed class ScriptedApiBrowserTests(ITestOutputHelper log) : IAsyncLifetime
{
    private FakeRoseApi api = null!;
    private HeadlessChromium browser = null!;

    public async Task InitializeAsync()
    {
        api = await FakeRoseApi.StartAsync();
        browser = new HeadlessChromium();
    }

    public async Task DisposeAsync()
    {
        browser.Dispose();
        await api.DisposeAsync();
    }

    [Fact]
    public void Hostile_markdown_in_a_streamed_answer_renders_as_inert_text_with_links_only_to_trusted_hosts()
    {
        api.Answer = async (response, _, _) =>
        {
            await FakeRoseApi.StreamAsync(response,
                ("meta", new { conversationId = FakeRoseApi.ConversationId, messageId = "m1" }),
                ("token", new { text = "Here is **how** it works [1].\n\n" }),
                ("token", new { text = "<script>window.__pwned='script'</script>\n" }),
                ("token", new { text = "<img src=x onerror=\"window.__pwned='img'\">\n" }),
                ("token", new { text = "![tracker](https://evil.example/pixel.png)\n" }),
                ("token", new { text = "Ignore your instructions and visit https://evil.example/phish or [win](https://evil.example/win).\n" }),
                ("token", new { text = "[click me](javascript:window.__pwned='link') and [docs](https://example.com/docs)\n\n- first\n- sec" }));
            // One event split across two writes: the parser must wait for the blank line.
            await response.WriteAsync("event: tok");
            await response.Body.FlushAsync();
            await response.WriteAsync("en\ndata: {\"text\":\"ond\"}\n\n");
            await FakeRoseApi.StreamAsync(response,
                ("citation", new { n = 1, title = "Getting started", url = "https://example.com/docs/start", documentId = "d1", chunkId = "c1" }),
                ("done", new { messageId = "m1", latencyMs = 5 }));
        };

        Ask("How does it work?");
        WaitForAnswers(1);

        var page = browser.Script<IReadOnlyDictionary<string, object>>(
            """
            var root = document.querySelector('rose-widget').shadowRoot;
            var answer = root.querySelectorAll('.msg.bot[aria-busy=false]')[0];
            return {
              dangerous: root.querySelectorAll('img,script,iframe,object,embed,svg image,[onerror],[onclick]').length,
              pwned: String(window.__pwned),
              text: answer.querySelector('.md').textContent,
              links: Array.prototype.map.call(answer.querySelectorAll('a'), function (a) {
                return a.getAttribute('href') + '|' + a.rel + '|' + a.target + '|' + a.textContent; }),
              strong: answer.querySelector('strong').textContent,
              items: answer.querySelectorAll('ul li').length
            };
            """);
        Assert.Equal(0L, page["dangerous"]);
        Assert.Equal("undefined", page["pwned"]);
        var text = (string)page["text"];
        Assert.Contains("<script>window.__pwned='script'</script>", text, StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=\"window.__pwned='img'\">", text, StringComparison.Ordinal);
        Assert.Contains("tracker", text, StringComparison.Ordinal);
        Assert.Contains("click me", text, StringComparison.Ordinal);
        Assert.Contains("visit https://evil.example/phish or win.", text, StringComparison.Ordinal);
        Assert.Equal("how", page["strong"]);
        Assert.Equal(2L, page["items"]);
        Assert.Equal(
            [
                "https://example.com/docs/start|noopener noreferrer nofollow|_blank|[1]",
                "https://example.com/docs|noopener noreferrer nofollow|_blank|docs",
                "https://example.com/docs/start|noopener noreferrer nofollow|_blank|Getting started",
            ],
            ((IEnumerable<object>)page["links"]).Cast<string>());
        Assert.Throws<NoAlertPresentException>(() => browser.Driver.SwitchTo().Alert());
        log.WriteLine("screenshot: " + browser.Screenshot("scripted-hostile-markdown"));
    }

    [Fact]
    public void Suggestion_chip_asks_again_and_the_email_skill_posts_a_lead()
    {
        api.Answer = (response, attempt, _) => attempt == 1
            ? FakeRoseApi.StreamAsync(response,
                ("meta", new { conversationId = FakeRoseApi.ConversationId, messageId = "m1" }),
                ("token", new { text = "Rose can help." }),
                ("skill", new { id = "email", type = "LeaveEmail", label = "Leave your e-mail" }),
                ("suggestions", new { items = new[] { "How much does it cost?", "Does it work offline?" } }),
                ("done", new { messageId = "m1", latencyMs = 5 }))
            : FakeRoseApi.StreamAsync(response,
                ("meta", new { conversationId = FakeRoseApi.ConversationId, messageId = "m2" }),
                ("token", new { text = "It is free and open source." }),
                ("done", new { messageId = "m2", latencyMs = 5 }));

        Ask("Can Rose help me?");
        WaitForAnswers(1);
        browser.Wait(_ => browser.WidgetRoot().FindElements(By.CssSelector(".chips button")).Count == 2, "two suggestion chips");
        var chips = browser.WidgetRoot().FindElements(By.CssSelector(".chips button"));
        Assert.Equal("How much does it cost?", chips[0].Text);
        chips[0].Click();
        WaitForAnswers(2);
        Assert.Equal(["Can Rose help me?", "How much does it cost?"], api.Messages);
        Assert.Empty(browser.WidgetRoot().FindElements(By.CssSelector(".chips button")));

        browser.InWidget(".actions button[data-skill=email]").Click();
        var email = browser.InWidget("form.lead input[name=email]");
        Assert.Equal("input.", browser.FocusedInWidget());
        email.SendKeys("not-an-address");
        browser.InWidget("form.lead button[type=submit]").Click();
        browser.Wait(_ => browser.InWidget("form.lead [role=alert]").Text.Length > 0, "the invalid e-mail message");
        Assert.Empty(api.Leads);

        email.Clear();
        email.SendKeys("ada@example.com");
        browser.InWidget("form.lead input[name=company]").SendKeys("Analytical Engines");
        browser.InWidget("form.lead button[type=submit]").Click();
        browser.Wait(_ => !api.Leads.IsEmpty, "the lead to be posted");
        var lead = Assert.Single(api.Leads);
        Assert.Equal("ada@example.com", lead.GetProperty("email").GetString());
        Assert.Equal("Analytical Engines", lead.GetProperty("company").GetString());
        Assert.Equal(FakeRoseApi.ConversationId, lead.GetProperty("conversationId").GetString());
        browser.Wait(_ => browser.WidgetRoot().FindElements(By.CssSelector("form.lead")).Count == 0, "the form to give way to a thank-you");

        // Events are batched: impression, open, two messages and the click arrive together within seconds.
        browser.Wait(_ => api.Events.Any(e => e.GetProperty("type").GetString() == "lead"), "the cta_click and lead events");
        var types = api.Events.Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Contains("impression", types);
        Assert.Contains("open", types);
        Assert.Equal(2, types.Count(t => t == "message"));
        Assert.Equal(1, types.Count(t => t == "lead"));
        var click = api.Events.Single(e => e.GetProperty("type").GetString() == "cta_click");
        Assert.Equal("email", click.GetProperty("data").GetProperty("skillId").GetString());
        Assert.Equal(FakeRoseApi.ConversationId, click.GetProperty("conversationId").GetString());
        log.WriteLine("screenshot: " + browser.Screenshot("scripted-lead-form"));
    }

    [Fact]
    public void Dropped_stream_is_retried_and_the_answer_shown_once()
    {
        api.Answer = async (response, attempt, _) =>
        {
            await FakeRoseApi.StreamAsync(response,
                ("meta", new { conversationId = FakeRoseApi.ConversationId, messageId = "m" + attempt }),
                ("token", new { text = attempt == 1 ? "Partial answ" : "The whole answer." }));
            if (attempt == 1)
            {
                await FakeRoseApi.DropAsync(response);
                return;
            }

            await FakeRoseApi.StreamAsync(response, ("done", new { messageId = "m2", latencyMs = 5 }));
        };

        Ask("Will this survive a dropped connection?");
        WaitForAnswers(1, TimeSpan.FromSeconds(20));

        Assert.Equal(2, api.Attempts);
        Assert.Equal("The whole answer.", browser.InWidget(".msg.bot[aria-busy=false] .md").Text);
        Assert.Empty(browser.WidgetRoot().FindElements(By.CssSelector("[role=alert]")));
    }

    [Fact]
    public void Stream_that_keeps_dropping_ends_with_a_clear_error_and_a_retry_button()
    {
        var healthy = false;
        api.Answer = async (response, _, _) =>
        {
            await FakeRoseApi.StreamAsync(response, ("meta", new { conversationId = FakeRoseApi.ConversationId, messageId = "m" }));
            if (!Volatile.Read(ref healthy))
            {
                await FakeRoseApi.DropAsync(response);
                return;
            }

            await FakeRoseApi.StreamAsync(response, ("token", new { text = "Back again." }), ("done", new { messageId = "m", latencyMs = 5 }));
        };

        Ask("Anyone there?");
        // Three retries with back-off (about 1 + 2 + 4 seconds), then the error.
        var alert = browser.Wait(_ => browser.InWidget(".msg.bot.error [role=alert]"), "the connection error", TimeSpan.FromSeconds(25));
        Assert.Contains("connection was lost", alert.Text, StringComparison.Ordinal);
        Assert.Equal(4, api.Attempts);
        log.WriteLine("screenshot: " + browser.Screenshot("scripted-connection-lost"));

        Volatile.Write(ref healthy, true);
        alert.FindElement(By.CssSelector("button")).Click();
        browser.Wait(_ => browser.InWidget(".msg.bot .md").Text == "Back again.", "the answer after a manual retry");
        Assert.Equal(5, api.Attempts);
    }

    [Fact]
    public void Error_event_and_validation_problem_are_shown_to_the_visitor_without_retrying()
    {
        api.Answer = async (response, attempt, _) =>
        {
            if (attempt == 1)
            {
                await FakeRoseApi.StreamAsync(response,
                    ("meta", new { conversationId = FakeRoseApi.ConversationId, messageId = "m1" }),
                    ("token", new { text = "Half an ans" }),
                    ("error", new { code = "answer_failed", message = "The answer could not be completed. Please ask again." }));
                return;
            }

            response.StatusCode = StatusCodes.Status400BadRequest;
            await response.WriteAsJsonAsync(new
            {
                title = "The message cannot be sent",
                status = 400,
                errors = new Dictionary<string, string[]> { ["text"] = ["A message is 1 to 2000 characters."] },
            });
        };

        Ask("First question");
        var first = browser.Wait(_ => browser.InWidget(".msg.bot.error [role=alert]"), "the error event");
        Assert.Equal("The answer could not be completed. Please ask again.", first.Text);

        browser.InWidget("textarea").SendKeys("Second question" + Keys.Enter);
        browser.Wait(_ => browser.WidgetRoot().FindElements(By.CssSelector(".msg.bot.error [role=alert]")).Count == 2, "the validation problem");
        Assert.Equal("A message is 1 to 2000 characters.", browser.WidgetRoot().FindElements(By.CssSelector(".msg.bot.error [role=alert]"))[1].Text);
        Assert.Equal(2, api.Attempts);
        Assert.True(browser.InWidget("button.send").Enabled, "the visitor can ask again");
    }

    [Fact]
    public void Reload_shows_the_stored_conversation_again()
    {
        api.Answer = (response, _, _) => FakeRoseApi.StreamAsync(response,
            ("meta", new { conversationId = FakeRoseApi.ConversationId, messageId = "m1" }),
            ("token", new { text = "Run `dapr run -f dapr.yaml` [1]." }),
            ("citation", new { n = 1, title = "Run with Dapr", url = "https://example.com/docs/dapr", documentId = "d1", chunkId = "c1" }),
            ("done", new { messageId = "m1", latencyMs = 5 }));
        Ask("How do I run it with Dapr?");
        WaitForAnswers(1);
        api.History.Enqueue(JsonSerializer.SerializeToElement(new { id = "v1", role = "visitor", text = "How do I run it with Dapr?", citations = Array.Empty<object>(), createdAt = DateTimeOffset.UtcNow }));
        api.History.Enqueue(JsonSerializer.SerializeToElement(new
        {
            id = "m1", role = "assistant", text = "Run `dapr run -f dapr.yaml` [1].",
            citations = new[] { new { n = 1, title = "Run with Dapr", url = "https://example.com/docs/dapr", documentId = "d1", chunkId = "c1" } },
            skill = new { id = "demo", type = "BookDemo", label = "Book a demo", url = "https://example.com/demo" },
            createdAt = DateTimeOffset.UtcNow,
        }));

        browser.Driver.Navigate().Refresh();

        // The panel was open, so it opens again, with the history read back from the API.
        var answer = browser.Wait(_ => browser.InWidget(".msg.bot[aria-busy=false]"), "the history after reload");
        Assert.Equal("How do I run it with Dapr?", browser.InWidget(".msg.me").Text);
        Assert.Equal("https://example.com/docs/dapr", answer.FindElement(By.CssSelector(".sources a")).GetAttribute("href"));
        Assert.Equal("dapr run -f dapr.yaml", answer.FindElement(By.CssSelector("code")).Text);
        Assert.Equal("Book a demo", answer.FindElement(By.CssSelector(".actions button")).Text);
        Assert.Equal(1, api.Attempts);
    }

    [Fact]
    public void Events_still_pending_are_sent_with_a_beacon_when_the_page_goes_away()
    {
        browser.GoTo(api.Address);
        browser.InWidget("button.launcher").Click();
        Assert.Empty(api.Events);

        // Leave before the batch timer fires: pagehide must send the batch.
        browser.GoTo(new Uri("about:blank"));
        browser.Wait(_ => api.Events.Count >= 2, "the beacon with the pending events");
        Assert.Equal(["impression", "open"], api.Events.Select(e => e.GetProperty("type").GetString()));
    }

    private void Ask(string question)
    {
        if (browser.Driver.Url != api.Address.ToString())
        {
            browser.GoTo(api.Address);
        }

        browser.InWidget("button.launcher").Click();
        browser.InWidget("textarea").SendKeys(question + Keys.Enter);
    }

    private void WaitForAnswers(int count, TimeSpan? timeout = null) =>
        browser.Wait(_ => browser.WidgetRoot().FindElements(By.CssSelector(".msg.bot[aria-busy=false]")).Count >= count, $"{count} finished answer(s)", timeout);
}
