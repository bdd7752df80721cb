using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Rose.Crm.HubSpot.Webhooks;
using Rose.Storage;
using Rose.Testing;
using Xunit;

namespace Rose.Crm.Tests.HubSpot;

/// <summary>
/// The standalone host (every app in one process, embedded runtime) with HubSpot's base URL pointed at
/// a <see cref="HubSpotStub"/>, fast retries, and a known client secret for signing webhooks. Drives it
/// as the widget, the tenant's staff and HubSpot do.
/// </summary>
public sealed class HubSpotHost : IAsyncDisposable
{
    public const string ClientSecret = "hubspot-app-secret-for-tests";
    public const string ClientId = "rose-test-client";

    private readonly RoseAppFactory<Program> app;

    public HubSpotHost(HubSpotStub stub, string? postgresConnectionString = null, Action<RoseAppFactory<Program>>? configure = null)
    {
        app = new RoseAppFactory<Program>()
            .With("Rose:Demo:Enabled", "false")
            .With("Rose:Chat:ConversationsPerMinutePerVisitor", "1000")
            .With("Rose:Chat:MessagesPerMinutePerVisitor", "1000")
            .With("Rose:Crm:HubSpot:BaseUrl", stub.Url)
            .With("Rose:Crm:HubSpot:ClientSecret", ClientSecret)
            .With("Rose:Crm:HubSpot:ClientId", ClientId)
            .With("Rose:Crm:HubSpot:RedirectUri", "http://localhost/api/v1/integrations/hubspot/oauth/callback")
            .With("Rose:Crm:HubSpot:MaxRetries", "2")
            .With("Rose:Crm:HubSpot:RetryDelay", "00:00:00.010");
        if (postgresConnectionString is not null)
        {
            app.With("Rose:Storage:Provider", "PostgreSql").With("Rose:Storage:ConnectionString", postgresConnectionString);
        }

        configure?.Invoke(app);
    }

    public WebApplicationFactory<Program> App => app;

    public async Task<(string PublicKey, string ApiKey)> CreateTenantAsync(string tenantId)
    {
        using var staff = app.CreateClient();
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RoseAppFactory<Program>.StaffKey);
        var response = await staff.PostAsJsonAsync("/admin/v1/tenants", new { tenantId, name = tenantId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("tenant").GetProperty("publicKey").GetString()!, created.GetProperty("apiKey").GetString()!);
    }

    public HttpClient Management(string apiKey)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    /// <summary>Connects the tenant with a private app's token, as its staff would.</summary>
    public async Task<JsonElement> ConnectAsync(string apiKey, string token = "pat-eu1-test-token")
    {
        using var management = Management(apiKey);
        var response = await management.PutAsJsonAsync("/api/v1/integrations/hubspot", new { accessToken = token });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Sets the tenant's hot threshold: 100 keeps <c>lead.qualified</c> (and its push) out of a test about captured e-mails.</summary>
    public async Task SetHotThresholdAsync(string apiKey, int threshold)
    {
        using var management = Management(apiKey);
        var response = await management.PutAsJsonAsync("/api/v1/scoring", new { hotThreshold = threshold });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A conversation with one question, then the e-mail left in it, as the widget does it.</summary>
    public async Task<string> LeaveEmailAsync(string publicKey, string email, string question)
    {
        using var widget = app.CreateClient();
        widget.DefaultRequestHeaders.Add("X-Rose-Key", publicKey);
        var start = await widget.PostAsJsonAsync("/rose/v1/conversations", new { });
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var started = await start.Content.ReadFromJsonAsync<JsonElement>();
        var id = started.GetProperty("conversationId").GetString()!;
        using (var request = new HttpRequestMessage(HttpMethod.Post, $"/rose/v1/conversations/{id}/messages") { Content = JsonContent.Create(new { text = question }) })
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", started.GetProperty("token").GetString());
            using var response = await widget.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await response.Content.ReadAsStringAsync();
        }

        var lead = await widget.PostAsJsonAsync("/rose/v1/leads", new { email, name = "Jane Doe", conversationId = id });
        Assert.Equal(HttpStatusCode.Created, lead.StatusCode);
        return id;
    }

    /// <summary>POSTs a webhook batch as HubSpot does, signed with <paramref name="secret"/> (v3) at <paramref name="timestamp"/>, or unsigned.</summary>
    public async Task<HttpResponseMessage> SendWebhookAsync(string body, string? secret = ClientSecret, DateTimeOffset? timestamp = null, string? bodyActuallySent = null)
    {
        using var client = app.CreateClient();
        var uri = new Uri(client.BaseAddress!, "/integrations/v1/hubspot/webhooks");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(bodyActuallySent ?? body, Encoding.UTF8, "application/json") };
        if (secret is not null)
        {
            var at = (timestamp ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            request.Headers.Add(HubSpotSignature.TimestampHeader, at);
            request.Headers.Add(HubSpotSignature.SignatureHeader, SignatureOracle.Sign(secret, "POST", uri.AbsoluteUri, body, at));
        }

        return await client.SendAsync(request);
    }

    /// <summary>Runs <paramref name="action"/> with services of a scope acting for <paramref name="tenantId"/>.</summary>
    public async Task<T> AsTenantAsync<T>(string tenantId, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(tenantId);
        return await action(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
