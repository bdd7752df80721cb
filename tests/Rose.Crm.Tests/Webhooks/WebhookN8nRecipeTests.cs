using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Rose.Crm.Webhooks;
using Rose.Crm.Webhooks.Api;
using Rose.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace Rose.Crm.Tests.Webhooks;

/// <summary>
/// The n8n recipe of <c>docs/webhooks.md</c> (which the README points to), run as it is written: its
/// Code node's JavaScript, taken from the page, runs under Node.js on a delivery that Rose really sent,
/// given as n8n gives it (headers lowercased, the raw body as base64 binary data). It accepts the
/// delivery, and throws "bad signature" when one byte of the body changes.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class WebhookN8nRecipeTests(PostgresServer postgres) : IAsyncLifetime
{
    private readonly ExternalApiStub receiver = new();
    private WebhookModuleHost host = null!;

    public async Task InitializeAsync() => host = await WebhookModuleHost.StartAsync(await postgres.CreateDatabaseAsync("webhooks_n8n"));

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        receiver.Dispose();
    }

    [Fact]
    public async Task N8n_recipe_code_node_accepts_a_real_delivery_and_refuses_it_when_the_body_is_tampered()
    {
        receiver.Server.Given(Request.Create().WithPath("/webhook/rose").UsingPost()).RespondWith(Response.Create().WithStatusCode(200));
        // The recipe compares t with the real clock (5 minutes), so the delivery is signed now.
        host.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        var created = await host.AsTenantAsync(sp => sp.GetRequiredService<WebhookRegistry>().CreateAsync(
            new WebhookRequest(receiver.Url + "/webhook/rose", [WebhookEvents.LeadQualified]), CancellationToken.None));
        var eventId = Guid.NewGuid().ToString();
        var deliveries = await host.AsTenantAsync(sp => sp.GetRequiredService<WebhookFanOut>().EnqueueAsync(eventId, WebhookEvents.LeadQualified,
            WebhookPayloads.Envelope(eventId, WebhookEvents.LeadQualified, host.Clock.GetUtcNow(), "acme", new { conversationId = "acme:c1", score = 87, email = "jane@globex.example" }),
            CancellationToken.None));
        var deliveryId = Assert.Single(deliveries);
        Assert.True(await host.AsTenantAsync(sp => sp.GetRequiredService<WebhookDispatcher>().DeliverAsync(deliveryId, CancellationToken.None)));

        var request = Assert.Single(receiver.Server.LogEntries).RequestMessage;
        var raw = request.BodyAsBytes!;
        // The header names and the signature format the README and the page document.
        var readme = await File.ReadAllTextAsync(RepositoryRoot.PathOf("README.md"));
        Assert.Contains("`Rose-Signature: t=<unix>,v1=<hex HMAC-SHA256 of \"t.body\">`", readme, StringComparison.Ordinal);
        Assert.Contains("`Rose-Delivery-Id` and `Rose-Event`", readme, StringComparison.Ordinal);
        Assert.Equal("Rose-Delivery-Id", WebhookDispatcher.DeliveryIdHeader);
        Assert.Equal("Rose-Event", WebhookDispatcher.EventHeader);
        Assert.Matches("^t=[0-9]+,v1=[0-9a-f]{64}$", request.Headers!["Rose-Signature"].Single());
        Assert.Equal(deliveryId, request.Headers["Rose-Delivery-Id"].Single());
        Assert.Equal("lead.qualified", request.Headers["Rose-Event"].Single());

        var code = RecipeCode(await File.ReadAllTextAsync(RepositoryRoot.PathOf("docs", "webhooks.md")), created.Secret);
        var headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.First());

        var accepted = await RunCodeNodeAsync(code, headers, raw);
        Assert.True(accepted.ExitCode == 0, accepted.Output);
        var item = JsonDocument.Parse(accepted.Output).RootElement[0].GetProperty("json");
        Assert.Equal(deliveryId, item.GetProperty("delivery").GetString());
        Assert.Equal("lead.qualified", item.GetProperty("type").GetString());
        Assert.Equal(87, item.GetProperty("data").GetProperty("score").GetInt32());
        Assert.Equal("jane@globex.example", item.GetProperty("data").GetProperty("email").GetString());

        var tampered = raw.ToArray();
        var at = Array.IndexOf(tampered, (byte)'8');
        tampered[at] = (byte)'9';
        var refused = await RunCodeNodeAsync(code, headers, tampered);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("bad signature", refused.Output, StringComparison.Ordinal);
    }

    /// <summary>The recipe's Code node, as the page shows it, with the endpoint's secret where it says <c>'whsec_…'</c>.</summary>
    private static string RecipeCode(string page, string secret)
    {
        var recipe = page[page.IndexOf("## n8n recipe", StringComparison.Ordinal)..];
        var block = JavaScriptBlock().Match(recipe);
        Assert.True(block.Success, "docs/webhooks.md's n8n recipe has no ```javascript block");
        var code = string.Join('\n', block.Groups[1].Value.Split('\n').Select(l => l.StartsWith("   ", StringComparison.Ordinal) ? l[3..] : l));
        Assert.Contains("'whsec_…'", code, StringComparison.Ordinal);
        return code.Replace("'whsec_…'", JsonSerializer.Serialize(secret), StringComparison.Ordinal);
    }

    /// <summary>Runs the Code node's body under Node.js with n8n's <c>$input</c>: one item, the headers in <c>json</c>, the raw body as base64 binary <c>data</c>.</summary>
    private static async Task<(int ExitCode, string Output)> RunCodeNodeAsync(string code, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        var item = JsonSerializer.Serialize(new
        {
            json = new { headers, @params = new { }, query = new { } },
            binary = new { data = new { data = Convert.ToBase64String(body), mimeType = "application/json" } },
        });
        var script = Path.Combine(Path.GetTempPath(), $"rose-n8n-{Guid.NewGuid():N}.js");
        await File.WriteAllTextAsync(script,
            $"const $input = {{ first: () => ({item}) }};\n" +
            $"(async () => {{\n{code}\n}})().then(r => process.stdout.write(JSON.stringify(r)), e => {{ process.stdout.write(String(e.message)); process.exit(3); }});\n");
        try
        {
            var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add(script);
            using var node = Process.Start(info)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var output = node.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = node.StandardError.ReadToEndAsync(timeout.Token);
            await node.WaitForExitAsync(timeout.Token);
            return (node.ExitCode, await output + await errors);
        }
        finally
        {
            File.Delete(script);
        }
    }

    [GeneratedRegex("```javascript\n(.*?)\n\\s*```", RegexOptions.Singleline)]
    private static partial Regex JavaScriptBlock();
}
