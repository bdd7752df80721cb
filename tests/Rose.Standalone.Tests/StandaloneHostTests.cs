using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Rose.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Rose.Standalone.Tests;

public sealed partial class StandaloneHostTests(ITestOutputHelper log) : IDisposable
{
    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "rose-standalone-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task First_start_creates_the_data_folder_seeds_the_demo_tenant_and_prints_its_keys()
    {
        await using var host = StandaloneProcess.Start(dataPath);
        var startup = await host.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
        log.WriteLine($"standalone host healthy after {startup.TotalMilliseconds:F0} ms");

        var keys = await WaitForKeysAsync(host);
        Assert.True(File.Exists(Path.Combine(dataPath, "rose.db")));
        Assert.Contains(host.Address.ToString().TrimEnd('/'), host.Output, StringComparison.Ordinal);

        using var client = new HttpClient { BaseAddress = host.Address };
        client.DefaultRequestHeaders.Add("X-Rose-Key", keys.PublicKey);
        var config = JsonDocument.Parse(await client.GetStringAsync("/rose/v1/widget/config")).RootElement;
        Assert.Equal("demo", config.GetProperty("tenantId").GetString());

        using var management = new HttpClient { BaseAddress = host.Address };
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", keys.ApiKey);
        Assert.Equal(HttpStatusCode.OK, (await management.GetAsync("/api/v1/tenant")).StatusCode);
    }

    [Fact]
    public async Task Healthy_host_answers_the_demo_question_from_the_docs()
    {
        await using var host = StandaloneProcess.Start(dataPath);
        await host.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
        var keys = await WaitForKeysAsync(host);

        var (answer, citationUrls) = await AskAsync(host, keys.PublicKey, "How do I run Rose with Dapr?");

        log.WriteLine(answer);
        Assert.DoesNotContain("still reading", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("I don't know", answer, StringComparison.Ordinal);
        Assert.Contains("Dapr", answer, StringComparison.Ordinal);
        Assert.Contains(citationUrls, url => url.EndsWith("/docs/run-with-dapr", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Alive_answers_at_once_while_health_waits_for_the_demo_docs_to_be_indexed()
    {
        // The docs are held back for 5 s: long enough that the first probe surely comes before them.
        await using var host = StandaloneProcess.Start(dataPath, new Dictionary<string, string>
        {
            ["Rose__Demo__KnowledgeLoadDelay"] = "00:00:05",
        });
        await host.WaitUntilAliveAsync(TimeSpan.FromSeconds(60));
        using var probe = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(10) };

        var notReady = await probe.GetAsync("/health");
        var alive = await probe.GetAsync("/alive");
        Assert.DoesNotContain("Demo knowledge base ready", host.Output, StringComparison.Ordinal);
        await host.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/health")).StatusCode);
        var banner = await WaitForLineAsync(host, "Demo knowledge base ready");
        Assert.Matches(@"ready: (\d+) of \1 documentation pages indexed \(0 failed\)", banner);
    }

    [Fact]
    public async Task Restart_keeps_the_demo_tenant_and_its_generated_keys()
    {
        (string PublicKey, string ApiKey) first;
        await using (var host = StandaloneProcess.Start(dataPath))
        {
            await host.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
            first = await WaitForKeysAsync(host);
        }

        await using var again = StandaloneProcess.Start(dataPath);
        await again.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
        var second = await WaitForKeysAsync(again);

        Assert.Equal(first, second);
        using var management = new HttpClient { BaseAddress = again.Address };
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", first.ApiKey);
        Assert.Equal(HttpStatusCode.OK, (await management.GetAsync("/api/v1/tenant")).StatusCode);
    }

    [Fact]
    public async Task Restart_keeps_the_demo_owners_generated_password_and_prints_where_to_sign_in()
    {
        string first;
        await using (var host = StandaloneProcess.Start(dataPath))
        {
            await host.WaitUntilAliveAsync(TimeSpan.FromSeconds(60));
            first = OwnerLine().Match(await WaitForLineAsync(host, "Demo backoffice")).Groups["password"].Value;
            Assert.Contains("/backoffice/login", await WaitForLineAsync(host, "Backoffice: sign in at"), StringComparison.Ordinal);
        }

        await using var again = StandaloneProcess.Start(dataPath);
        await again.WaitUntilAliveAsync(TimeSpan.FromSeconds(60));
        var second = OwnerLine().Match(await WaitForLineAsync(again, "Demo backoffice")).Groups["password"].Value;

        Assert.Equal(20, first.Length);
        Assert.Equal(first, second);
        Assert.Contains(first, await File.ReadAllTextAsync(Path.Combine(dataPath, "demo-credentials.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configured_demo_keys_are_used_instead_of_generated_ones()
    {
        const string publicKey = "pk_configured_demo_key_0123456789";
        const string apiKey = "rk_configured_demo_key_0123456789";
        await using var host = StandaloneProcess.Start(dataPath, new Dictionary<string, string>
        {
            ["Rose__Demo__PublicKey"] = publicKey,
            ["Rose__Demo__ApiKey"] = apiKey,
        });
        await host.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));

        Assert.Contains($"widget key {publicKey}, management API key from Rose:Demo:ApiKey", await WaitForLineAsync(host, "Demo tenant"), StringComparison.Ordinal);
        Assert.DoesNotContain(apiKey, host.Output, StringComparison.Ordinal);
        using var management = new HttpClient { BaseAddress = host.Address };
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        Assert.Equal(HttpStatusCode.OK, (await management.GetAsync("/api/v1/tenant")).StatusCode);
    }

    [Fact]
    public async Task Invalid_storage_configuration_stops_the_host_with_a_clear_error()
    {
        await using var host = StandaloneProcess.Start(dataPath, new Dictionary<string, string>
        {
            ["Rose__Storage__Provider"] = "PostgreSql",
        });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("no connection string is set", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(dataPath))
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }

    private static async Task<(string PublicKey, string ApiKey)> WaitForKeysAsync(StandaloneProcess host)
    {
        for (var i = 0; i < 100; i++)
        {
            var match = KeysLine().Match(host.Output);
            if (match.Success)
            {
                return (match.Groups["pk"].Value, match.Groups["rk"].Value);
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The demo keys were not printed:\n" + host.Output);
    }

    private static async Task<string> WaitForLineAsync(StandaloneProcess host, string marker)
    {
        for (var i = 0; i < 100; i++)
        {
            var line = host.Output.Split('\n').FirstOrDefault(l => l.Contains(marker, StringComparison.Ordinal));
            if (line is not null)
            {
                return line;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No line with '{marker}' was printed:\n" + host.Output);
    }

    /// <summary>Starts a conversation as the widget does and asks one question; returns the answer and its citations' URLs.</summary>
    private static async Task<(string Answer, IReadOnlyList<string> CitationUrls)> AskAsync(StandaloneProcess host, string publicKey, string question)
    {
        using var widget = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(30) };
        widget.DefaultRequestHeaders.Add("X-Rose-Key", publicKey);
        var started = JsonDocument.Parse(await (await widget.PostAsync("/rose/v1/conversations", null)).EnsureSuccessStatusCode().Content.ReadAsStringAsync()).RootElement;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/rose/v1/conversations/{started.GetProperty("conversationId").GetString()}/messages")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { text = question }), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", started.GetProperty("token").GetString());
        var stream = await (await widget.SendAsync(request)).EnsureSuccessStatusCode().Content.ReadAsStringAsync();

        // Server-sent events: "event: <name>" then "data: <json>", blocks separated by a blank line.
        var events = stream.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(block => block.Split('\n'))
            .Select(lines => (
                Name: lines.FirstOrDefault(l => l.StartsWith("event: ", StringComparison.Ordinal))?["event: ".Length..],
                Data: string.Concat(lines.Where(l => l.StartsWith("data: ", StringComparison.Ordinal)).Select(l => l["data: ".Length..]))))
            .Where(e => e.Name is not null)
            .ToList();
        Assert.Equal("done", events[^1].Name);
        var answer = string.Concat(events.Where(e => e.Name == "token").Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("text").GetString()));
        var urls = events.Where(e => e.Name == "citation").Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("url").GetString()!).ToList();
        return (answer, urls);
    }

    [GeneratedRegex(@"e-mail owner@demo\.rose\.test, password (?<password>[A-Za-z0-9]+) ")]
    private static partial Regex OwnerLine();

    [GeneratedRegex(@"widget key (?<pk>pk_[A-Za-z0-9_-]+), management API key (?<rk>rk_[A-Za-z0-9_-]+)")]
    private static partial Regex KeysLine();
}
