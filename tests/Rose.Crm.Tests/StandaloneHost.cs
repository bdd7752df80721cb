using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Rose.Testing;
using Xunit;

namespace Rose.Crm.Tests;

/// <summary>The standalone host (every app in one process, embedded runtime), driven as the widget, the client's server and the tenant's staff.</summary>
public sealed class StandaloneHost : IAsyncDisposable
{
    private StandaloneHost(RoseAppFactory<Program> app) => App = app;

    public RoseAppFactory<Program> App { get; }

    public static StandaloneHost Start(params (string Key, string? Value)[] settings)
    {
        var app = new RoseAppFactory<Program>()
            .With("Rose:Demo:Enabled", "false")
            .With("Rose:Chat:ConversationsPerMinutePerVisitor", "1000")
            .With("Rose:Chat:MessagesPerMinutePerVisitor", "1000");
        foreach (var (key, value) in settings)
        {
            app.With(key, value);
        }

        return new StandaloneHost(app);
    }

    public async Task<(string PublicKey, string ApiKey)> CreateTenantAsync(string tenantId)
    {
        using var staff = App.CreateClient();
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RoseAppFactory<Program>.StaffKey);
        var response = await staff.PostAsJsonAsync("/admin/v1/tenants", new { tenantId, name = tenantId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("tenant").GetProperty("publicKey").GetString()!, created.GetProperty("apiKey").GetString()!);
    }

    public HttpClient Management(string apiKey)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    public HttpClient Widget(string publicKey)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Add("X-Rose-Key", publicKey);
        return client;
    }

    /// <summary>Starts a conversation from the browser that keeps <paramref name="visitorId"/>; returns its id and token.</summary>
    public async Task<(string ConversationId, string Token)> StartConversationAsync(string publicKey, string? visitorId)
    {
        using var widget = Widget(publicKey);
        var start = await widget.PostAsJsonAsync("/rose/v1/conversations", new { visitorId });
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var started = await start.Content.ReadFromJsonAsync<JsonElement>();
        return (started.GetProperty("conversationId").GetString()!, started.GetProperty("token").GetString()!);
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
