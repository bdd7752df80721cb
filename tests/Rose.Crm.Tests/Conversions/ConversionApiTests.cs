using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Rose.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace Rose.Crm.Tests.Conversions;

/// <summary><c>POST /rose/v1/conversions</c> and the funnel on the standalone host, with PostHog's capture API stubbed.</summary>
public sealed class ConversionApiTests : IAsyncLifetime
{
    private const string VisitorId = "visitor-0123456789abcdef";
    private readonly ExternalApiStub postHog = new();
    private readonly StandaloneHost host;
    private string publicKey = string.Empty;
    private string apiKey = string.Empty;

    public ConversionApiTests()
    {
        postHog.Server.Given(Request.Create().WithPath("/batch/").UsingPost()).RespondWith(Response.Create().WithStatusCode(200).WithBody("{\"status\":1}"));
        host = StandaloneHost.Start(("Rose:Analytics:PostHog:ApiKey", "phc_test_project_key"), ("Rose:Analytics:PostHog:Host", postHog.Url));
    }

    public async Task InitializeAsync() => (publicKey, apiKey) = await host.CreateTenantAsync("acme");

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        postHog.Dispose();
    }

    [Fact]
    public async Task Post_after_a_skill_click_is_attributed_and_the_funnel_counts_match_the_events_sent()
    {
        var (conversationId, token) = await host.StartConversationAsync(publicKey, VisitorId);
        using var widget = host.Widget(publicKey);
        var events = await widget.PostAsJsonAsync("/rose/v1/events", new
        {
            events = new object[]
            {
                new { type = "impression" }, new { type = "impression" }, new { type = "impression" },
                new { type = "open", conversationId }, new { type = "open", conversationId },
                new { type = "message", conversationId },
                new { type = "cta_click", conversationId, data = new { skillId = "book-demo", type = "BookDemo" } },
            },
        });

        var conversion = await SendAsBrowserAsync(token, new { type = "meeting-booked", visitorId = VisitorId, externalId = "cal-1", value = 1200 });
        var recorded = await conversion.Content.ReadFromJsonAsync<JsonElement>();
        using var staff = host.Management(apiKey);
        var funnel = await staff.GetFromJsonAsync<JsonElement>("/api/v1/analytics/funnel?days=7");

        Assert.Equal(HttpStatusCode.Accepted, events.StatusCode);
        Assert.Equal(HttpStatusCode.Created, conversion.StatusCode);
        Assert.Equal(conversationId, recorded.GetProperty("conversationId").GetString());
        Assert.Equal("book-demo", recorded.GetProperty("skillId").GetString());
        var totals = funnel.GetProperty("totals");
        Assert.Equal((3, 2, 1, 1, 1), (totals.GetProperty("impressions").GetInt32(), totals.GetProperty("opens").GetInt32(), totals.GetProperty("messages").GetInt32(),
            totals.GetProperty("skillClicks").GetInt32(), totals.GetProperty("conversions").GetInt32()));
        Assert.Equal(7, funnel.GetProperty("days").GetArrayLength());
        var skill = Assert.Single(funnel.GetProperty("skills").EnumerateArray());
        Assert.Equal(("book-demo", 1, 1), (skill.GetProperty("skillId").GetString(), skill.GetProperty("clicks").GetInt32(), skill.GetProperty("conversions").GetInt32()));
    }

    [Fact]
    public async Task Post_with_the_same_external_id_records_one_conversion()
    {
        var (_, token) = await host.StartConversationAsync(publicKey, VisitorId);

        var first = await SendAsBrowserAsync(token, new { type = "form-submitted", visitorId = VisitorId, externalId = "form-77" });
        var second = await SendAsBrowserAsync(token, new { type = "form-submitted", visitorId = VisitorId, externalId = "form-77" });
        using var staff = host.Management(apiKey);
        var funnel = await staff.GetFromJsonAsync<JsonElement>("/api/v1/analytics/funnel?days=1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString(), (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        Assert.Equal(1, funnel.GetProperty("totals").GetProperty("conversions").GetInt32());
    }

    [Fact]
    public async Task Post_from_a_server_is_recorded_when_signed_with_the_tenants_secret_and_refused_otherwise()
    {
        var (conversationId, _) = await host.StartConversationAsync(publicKey, VisitorId);
        using var staff = host.Management(apiKey);
        var secret = (await (await staff.PostAsync("/api/v1/analytics/conversion-secret", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
        var body = JsonSerializer.Serialize(new { type = "form-submitted", conversationId, externalId = "crm-42", occurredAt = DateTimeOffset.UtcNow });

        var valid = await SendAsServerAsync(body, Sign(secret, body));
        var tampered = await SendAsServerAsync(body.Replace("crm-42", "crm-43", StringComparison.Ordinal), Sign(secret, body));
        var wrongSecret = await SendAsServerAsync(body.Replace("crm-42", "crm-44", StringComparison.Ordinal), Sign(secret + "x", body.Replace("crm-42", "crm-44", StringComparison.Ordinal)));
        var stale = await SendAsServerAsync(body.Replace("crm-42", "crm-45", StringComparison.Ordinal), Sign(secret, body.Replace("crm-42", "crm-45", StringComparison.Ordinal), DateTimeOffset.UtcNow.AddMinutes(-10)));
        var unsigned = await SendAsServerAsync(body.Replace("crm-42", "crm-46", StringComparison.Ordinal), null);
        var funnel = await staff.GetFromJsonAsync<JsonElement>("/api/v1/analytics/funnel?days=1");

        Assert.Equal(HttpStatusCode.Created, valid.StatusCode);
        Assert.Equal(conversationId, (await valid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetString());
        Assert.Equal(
            [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized],
            new[] { tampered.StatusCode, wrongSecret.StatusCode, stale.StatusCode, unsigned.StatusCode });
        Assert.Equal(1, funnel.GetProperty("totals").GetProperty("conversions").GetInt32());
    }

    [Fact]
    public async Task Events_and_conversions_are_forwarded_to_posthogs_capture_api_when_configured()
    {
        var (conversationId, token) = await host.StartConversationAsync(publicKey, VisitorId);
        using var widget = host.Widget(publicKey);
        await widget.PostAsJsonAsync("/rose/v1/events", new { events = new object[] { new { type = "open", conversationId } } });
        await SendAsBrowserAsync(token, new { type = "meeting-booked", conversationId, externalId = "cal-9" });

        await Eventually.UntilAsync(() => BatchedEvents().Count >= 2, TimeSpan.FromSeconds(15), "two events at PostHog");

        var batches = postHog.Server.LogEntries.Select(e => JsonDocument.Parse(e.RequestMessage.Body!).RootElement).ToList();
        Assert.All(batches, b => Assert.Equal("phc_test_project_key", b.GetProperty("api_key").GetString()));
        var forwarded = BatchedEvents();
        Assert.Contains(forwarded, e => e.GetProperty("event").GetString() == "rose open" && e.GetProperty("properties").GetProperty("distinct_id").GetString() == conversationId);
        Assert.Contains(forwarded, e => e.GetProperty("event").GetString() == "rose conversion" && e.GetProperty("properties").GetProperty("distinct_id").GetString() == VisitorId);
    }

    private List<JsonElement> BatchedEvents() =>
        [.. postHog.Server.LogEntries.SelectMany(e => JsonDocument.Parse(e.RequestMessage.Body!).RootElement.GetProperty("batch").EnumerateArray())];

    private async Task<HttpResponseMessage> SendAsBrowserAsync(string token, object body)
    {
        using var widget = host.Widget(publicKey);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/rose/v1/conversions") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await widget.SendAsync(request);
    }

    private async Task<HttpResponseMessage> SendAsServerAsync(string body, string? signature)
    {
        using var server = host.Widget(publicKey);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/rose/v1/conversions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("Rose-Signature", signature);
        }

        return await server.SendAsync(request);
    }

    /// <summary>The documented recipe, written out as a client's server would, not through Rose's own helper.</summary>
    private static string Sign(string secret, string body, DateTimeOffset? at = null)
    {
        var t = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"t={t},v1={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t + "." + body)))}";
    }
}
