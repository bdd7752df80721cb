using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Rose.Testing;
using Xunit;

namespace Rose.Enrichment.Tests;

/// <summary>
/// The tenant's identification settings through the management API, and consent enforced on the
/// standalone host over real sockets (the visitor is 127.0.0.1, IPinfo a local stub).
/// </summary>
public sealed class EnrichmentSettingsTests : IDisposable
{
    private readonly IpInfoStub ipinfo = new();

    [Fact]
    public async Task Settings_are_off_by_default_checked_field_by_field_and_kept_per_tenant()
    {
        await using var app = App();
        var (_, apiKey) = await CreateTenantAsync(app, "settings-one");
        var (_, otherKey) = await CreateTenantAsync(app, "settings-two");
        using var management = Management(app, apiKey);

        var defaults = await management.GetFromJsonAsync<JsonElement>("/api/v1/enrichment/settings");
        var invalid = await management.PutAsJsonAsync("/api/v1/enrichment/settings", new
        {
            retentionDays = 0,
            providers = new Dictionary<string, object> { ["snitcher"] = new { enabled = true }, ["ipinfo"] = new { costPerLookup = -1 } },
        });
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        var saved = await management.PutAsJsonAsync("/api/v1/enrichment/settings", new
        {
            requireConsent = true,
            retentionDays = 90,
            providers = new Dictionary<string, object> { ["IPinfo"] = new { enabled = true, costPerLookup = 0.002m, monthlyBudget = 25m } },
        });
        var read = await management.GetFromJsonAsync<JsonElement>("/api/v1/enrichment/settings");
        using var other = Management(app, otherKey);
        var untouched = await other.GetFromJsonAsync<JsonElement>("/api/v1/enrichment/settings");

        Assert.False(defaults.GetProperty("requireConsent").GetBoolean());
        Assert.Equal(JsonValueKind.Null, defaults.GetProperty("retentionDays").ValueKind);
        Assert.True(defaults.GetProperty("providers").GetProperty("ipinfo").GetProperty("enabled").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            ["providers.ipinfo.costPerLookup", "providers.snitcher", "retentionDays"],
            problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.True(read.GetProperty("requireConsent").GetBoolean());
        Assert.Equal(90, read.GetProperty("retentionDays").GetInt32());
        Assert.Equal(25m, read.GetProperty("providers").GetProperty("ipinfo").GetProperty("monthlyBudget").GetDecimal());
        Assert.False(untouched.GetProperty("requireConsent").GetBoolean());
    }

    [Fact]
    public async Task FindAsync_looks_nothing_up_without_consent_when_the_tenant_requires_it()
    {
        ipinfo.Company("127.0.0.1", "Globex Corporation", "globex.example", "business");
        await using var app = App()
            .With("Rose:Enrichment:IpInfo:Token", IpInfoStub.Token)
            .With("Rose:Enrichment:IpInfo:Endpoint", ipinfo.Api.Url + "/");
        var (publicKey, apiKey) = await CreateTenantAsync(app, "consent-required");
        using var management = Management(app, apiKey);
        Assert.Equal(HttpStatusCode.OK, (await management.PutAsJsonAsync("/api/v1/enrichment/settings", new { requireConsent = true })).StatusCode);

        foreach (var consent in new bool?[] { false, null })
        {
            var (id, token) = await StartAsync(app, publicKey, consent);
            await AskAsync(app, publicKey, id, token, "What does the product cost?");
            await AskAsync(app, publicKey, id, token, "And per year?");
        }

        // The queue is worked in the background: give it the time a lookup takes before counting none.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(0, ipinfo.AllCalls());

        var (consented, consentedToken) = await StartAsync(app, publicKey, true);
        await AskAsync(app, publicKey, consented, consentedToken, "What does the product cost?");
        await Eventually.UntilAsync(() => ipinfo.Calls("127.0.0.1") == 1, TimeSpan.FromSeconds(10), "the consenting visitor is identified");
    }

    public void Dispose() => ipinfo.Dispose();

    private static RoseAppFactory<Program> App()
    {
        var app = new RoseAppFactory<Program>().With("Rose:Demo:Enabled", "false");
        app.UseKestrel(0);
        return app;
    }

    private static HttpClient Management(RoseAppFactory<Program> app, string apiKey)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    private static async Task<(string PublicKey, string ApiKey)> CreateTenantAsync(RoseAppFactory<Program> app, string tenantId)
    {
        using var staff = app.CreateClient();
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RoseAppFactory<Program>.StaffKey);
        var created = await (await staff.PostAsJsonAsync("/admin/v1/tenants", new { tenantId, name = tenantId })).Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("tenant").GetProperty("publicKey").GetString()!, created.GetProperty("apiKey").GetString()!);
    }

    private static async Task<(string Id, string Token)> StartAsync(RoseAppFactory<Program> app, string publicKey, bool? consent)
    {
        using var widget = app.CreateClient();
        widget.DefaultRequestHeaders.Add("X-Rose-Key", publicKey);
        object body = consent is { } given ? new { visitorId = "visitor-" + Guid.NewGuid().ToString("N"), consent = given } : new { };
        var started = await (await widget.PostAsJsonAsync("/rose/v1/conversations", body)).Content.ReadFromJsonAsync<JsonElement>();
        return (started.GetProperty("conversationId").GetString()!, started.GetProperty("token").GetString()!);
    }

    private static async Task AskAsync(RoseAppFactory<Program> app, string publicKey, string id, string token, string text)
    {
        using var widget = app.CreateClient();
        widget.DefaultRequestHeaders.Add("X-Rose-Key", publicKey);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/rose/v1/conversations/{id}/messages") { Content = JsonContent.Create(new { text }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await widget.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await response.Content.ReadAsStringAsync();
    }
}
