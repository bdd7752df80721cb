using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rose.Testing;
using Rose.Tenancy.Keys;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace Rose.Crm.Tests.Webhooks;

/// <summary>A visitor leaves an e-mail on the standalone host; the tenant's endpoint (a stub on loopback, allowed for the test) receives <c>lead.captured</c>, signed.</summary>
public sealed class WebhookEndToEndTests : IAsyncLifetime
{
    private readonly ExternalApiStub receiver = new();
    private readonly StandaloneHost host = StandaloneHost.Start(("Rose:Crm:Webhooks:AllowPrivateAddresses", "true"));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        receiver.Dispose();
    }

    [Fact]
    public async Task Leads_post_reaches_the_tenants_lead_captured_webhook_signed_with_its_secret()
    {
        receiver.Server.Given(Request.Create().WithPath("/n8n").UsingPost()).RespondWith(Response.Create().WithStatusCode(200));
        var (publicKey, apiKey) = await host.CreateTenantAsync("acme");
        using var staff = host.Management(apiKey);
        var created = await (await staff.PostAsJsonAsync("/api/v1/webhooks", new { url = receiver.Url + "/n8n", events = new[] { "lead.captured" } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var secret = created.GetProperty("secret").GetString()!;
        var (conversationId, _) = await host.StartConversationAsync(publicKey, "visitor-0123456789abcdef");
        using var widget = host.Widget(publicKey);

        var lead = await widget.PostAsJsonAsync("/rose/v1/leads", new { email = "ada@lovelace.example", conversationId });
        await Eventually.UntilAsync(() => receiver.CallsTo("/n8n") > 0, TimeSpan.FromSeconds(20), "the lead.captured webhook");

        Assert.Equal(HttpStatusCode.Created, lead.StatusCode);
        var request = Assert.Single(receiver.Server.LogEntries).RequestMessage;
        Assert.True(RoseSignature.Verify(secret, request.Headers!["Rose-Signature"].Single(), System.Text.Encoding.UTF8.GetBytes(request.Body!), DateTimeOffset.UtcNow));
        using var payload = JsonDocument.Parse(request.Body!);
        Assert.Equal("lead.captured", payload.RootElement.GetProperty("type").GetString());
        Assert.Equal("ada@lovelace.example", payload.RootElement.GetProperty("data").GetProperty("email").GetString());
        Assert.Equal("acme:" + conversationId, payload.RootElement.GetProperty("data").GetProperty("conversationId").GetString());
    }
}
