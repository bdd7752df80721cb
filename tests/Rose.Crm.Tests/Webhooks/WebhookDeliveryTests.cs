using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rose.Crm.Webhooks;
using Rose.Crm.Webhooks.Api;
using Rose.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace Rose.Crm.Tests.Webhooks;

/// <summary>Deliveries as a receiver sees them: signed by the documented recipe, retried, given up, disabled.</summary>
[Collection(PostgresCollection.Name)]
public sealed class WebhookDeliveryTests(PostgresServer postgres) : IAsyncLifetime
{
    private readonly ExternalApiStub receiver = new();
    private WebhookModuleHost host = null!;

    public async Task InitializeAsync() => host = await WebhookModuleHost.StartAsync(await postgres.CreateDatabaseAsync("webhooks"));

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        receiver.Dispose();
    }

    [Fact]
    public async Task DeliverAsync_signs_the_body_so_that_a_receiver_verifies_it_by_the_documented_recipe()
    {
        receiver.Server.Given(Request.Create().WithPath("/hook").UsingPost()).RespondWith(Response.Create().WithStatusCode(200));
        var created = await RegisterAsync(WebhookEvents.LeadQualified);

        var deliveries = await RelayAsync(Guid.NewGuid(), WebhookEvents.LeadQualified, new { conversationId = "acme:c1", score = 81 });
        await DeliverAsync(Assert.Single(deliveries));

        var request = Assert.Single(receiver.Server.LogEntries).RequestMessage;
        var body = request.Body!;
        var header = request.Headers!["Rose-Signature"].Single();
        // As a receiver would: split t and v1, HMAC-SHA256 over "t.body" with the secret's UTF-8 bytes, hex.
        var parts = header.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(created.Secret), Encoding.UTF8.GetBytes(parts["t"] + "." + body)));
        var wrongSecret = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(created.Secret + "x"), Encoding.UTF8.GetBytes(parts["t"] + "." + body)));
        Assert.Equal(expected, parts["v1"]);
        Assert.NotEqual(wrongSecret, parts["v1"]);
        Assert.Equal(host.Clock.GetUtcNow().ToUnixTimeSeconds(), long.Parse(parts["t"], CultureInfo.InvariantCulture));
        Assert.Equal(deliveries[0], request.Headers["Rose-Delivery-Id"].Single());
        Assert.Equal("lead.qualified", request.Headers["Rose-Event"].Single());
        using var payload = JsonDocument.Parse(body);
        Assert.Equal("lead.qualified", payload.RootElement.GetProperty("type").GetString());
        Assert.Equal(1, payload.RootElement.GetProperty("version").GetInt32());
        Assert.Equal("acme", payload.RootElement.GetProperty("tenantId").GetString());
        Assert.Equal(81, payload.RootElement.GetProperty("data").GetProperty("score").GetInt32());
    }

    [Fact]
    public async Task DeliverDueAsync_delivers_exactly_once_per_delivery_id_when_the_endpoint_answers_500_then_200()
    {
        receiver.Server.Given(Request.Create().WithPath("/hook").UsingPost()).InScenario("flaky").WillSetStateTo("recovered")
            .RespondWith(Response.Create().WithStatusCode(500));
        receiver.Server.Given(Request.Create().WithPath("/hook").UsingPost()).InScenario("flaky").WhenStateIs("recovered")
            .RespondWith(Response.Create().WithStatusCode(200));
        var created = await RegisterAsync(WebhookEvents.ConversionRecorded);
        var eventId = Guid.NewGuid();

        var deliveryId = Assert.Single(await RelayAsync(eventId, WebhookEvents.ConversionRecorded, new { conversionId = "acme:x" }));
        await DeliverAsync(deliveryId);
        var notYetDue = await DeliverDueAsync();
        host.Clock.Advance(host.Options.InitialRetryDelay);
        var retried = await DeliverDueAsync();
        host.Clock.Advance(TimeSpan.FromHours(25));
        var afterSuccess = await DeliverDueAsync();
        var again = await RelayAsync(eventId, WebhookEvents.ConversionRecorded, new { conversionId = "acme:x" });
        var log = await host.AsTenantAsync(sp => sp.GetRequiredService<WebhookRegistry>().LogAsync(created.Webhook.Id, CancellationToken.None));

        Assert.Equal((0, 1, 0), (notYetDue, retried, afterSuccess));
        Assert.Empty(again);
        var requests = receiver.Server.LogEntries.ToList();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal(deliveryId, r.RequestMessage.Headers!["Rose-Delivery-Id"].Single()));
        Assert.Equal([500, 200], requests.Select(r => (int)r.ResponseMessage.StatusCode!));
        Assert.Equal([(2, 200, "delivered"), (1, 500, "delivered")], log!.Select(a => (a.Attempt, a.StatusCode ?? 0, a.DeliveryStatus)));
    }

    [Fact]
    public async Task DeliverDueAsync_disables_an_endpoint_that_failed_for_a_day_with_a_notice()
    {
        receiver.Server.Given(Request.Create().WithPath("/hook").UsingPost()).RespondWith(Response.Create().WithStatusCode(503));
        var created = await RegisterAsync(WebhookEvents.ConversationEnded);

        var first = Assert.Single(await RelayAsync(Guid.NewGuid(), WebhookEvents.ConversationEnded, new { conversationId = "acme:c1" }));
        await DeliverAsync(first);
        var attempts = 1;
        var stillEnabledAfter23Hours = false;
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(25); elapsed += TimeSpan.FromMinutes(5))
        {
            host.Clock.Advance(TimeSpan.FromMinutes(5));
            attempts += await DeliverDueAsync();
            if (elapsed == TimeSpan.FromHours(23))
            {
                stillEnabledAfter23Hours = (await ListAsync()).Single().Enabled;
            }
        }

        var endpoint = (await ListAsync()).Single();
        var log = (await host.AsTenantAsync(sp => sp.GetRequiredService<WebhookRegistry>().LogAsync(created.Webhook.Id, CancellationToken.None)))!
            .OrderBy(a => a.At).ToList();
        // The last wait is cut short by the 24-hour limit; the others are the back-off's.
        var gaps = log.Zip(log.Skip(1), (a, b) => b.At - a.At).SkipLast(1).ToList();
        var afterDisable = await RelayAsync(Guid.NewGuid(), WebhookEvents.ConversationEnded, new { conversationId = "acme:c2" });

        Assert.True(stillEnabledAfter23Hours);
        Assert.False(endpoint.Enabled);
        Assert.Contains("every delivery failed", endpoint.DisabledReason);
        Assert.Contains("HTTP 503", endpoint.DisabledReason);
        Assert.Empty(afterDisable);
        Assert.Equal(attempts, receiver.Server.LogEntries.Count);
        Assert.Equal(attempts, log.Count);
        // Exponential back-off: every wait at least as long as the one before (rounded up to the test's 5-minute steps), up to the cap.
        Assert.Equal(gaps.OrderBy(g => g), gaps);
        Assert.True(gaps[^1] >= host.Options.MaxRetryDelay);
        Assert.True(gaps[0] < TimeSpan.FromMinutes(10));
        Assert.InRange(endpoint.DisabledAt!.Value - log[0].At, TimeSpan.FromHours(24), TimeSpan.FromHours(24) + TimeSpan.FromMinutes(5));
        Assert.Equal(created.Webhook.Id, endpoint.Id);
    }

    private Task<WebhookCreated> RegisterAsync(string eventType) =>
        host.AsTenantAsync(sp => sp.GetRequiredService<WebhookRegistry>().CreateAsync(new WebhookRequest(receiver.Url + "/hook", [eventType]), CancellationToken.None));

    private Task<IReadOnlyList<WebhookView>> ListAsync() =>
        host.AsTenantAsync(sp => sp.GetRequiredService<WebhookRegistry>().ListAsync(CancellationToken.None));

    private Task<IReadOnlyList<string>> RelayAsync(Guid eventId, string type, object data) =>
        host.AsTenantAsync(sp => sp.GetRequiredService<WebhookFanOut>().EnqueueAsync(
            eventId.ToString(), type, WebhookPayloads.Envelope(eventId.ToString(), type, host.Clock.GetUtcNow(), "acme", data), CancellationToken.None));

    private Task<bool> DeliverAsync(string deliveryId) =>
        host.AsTenantAsync(sp => sp.GetRequiredService<WebhookDispatcher>().DeliverAsync(deliveryId, CancellationToken.None));

    private Task<int> DeliverDueAsync() =>
        host.AsTenantAsync(sp => sp.GetRequiredService<WebhookDispatcher>().DeliverDueAsync(CancellationToken.None));
}
