using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Rose.Testing;
using Xunit;

namespace Rose.Enrichment.Tests;

/// <summary>The staff, widget and management calls the identification tests make on the standalone host.</summary>
internal static class HostRequests
{
    public static async Task<(string PublicKey, string ApiKey)> CreateTenantAsync(RoseAppFactory<Program> app, string tenantId)
    {
        using var staff = app.CreateClient();
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RoseAppFactory<Program>.StaffKey);
        var created = await (await staff.PostAsJsonAsync("/admin/v1/tenants", new { tenantId, name = tenantId })).Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("tenant").GetProperty("publicKey").GetString()!, created.GetProperty("apiKey").GetString()!);
    }

    public static async Task<(string Id, string Token)> StartAsync(RoseAppFactory<Program> app, string publicKey)
    {
        using var widget = Widget(app, publicKey);
        var started = await (await widget.PostAsJsonAsync("/rose/v1/conversations", new { })).Content.ReadFromJsonAsync<JsonElement>();
        return (started.GetProperty("conversationId").GetString()!, started.GetProperty("token").GetString()!);
    }

    public static async Task AskAsync(RoseAppFactory<Program> app, string publicKey, string id, string token, string text)
    {
        using var widget = Widget(app, publicKey);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/rose/v1/conversations/{id}/messages") { Content = JsonContent.Create(new { text }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await widget.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await response.Content.ReadAsStringAsync();
    }

    public static async Task LeaveEmailAsync(RoseAppFactory<Program> app, string publicKey, string conversationId, string email)
    {
        using var widget = Widget(app, publicKey);
        using var response = await widget.PostAsJsonAsync("/rose/v1/leads", new { email, conversationId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static HttpClient Widget(RoseAppFactory<Program> app, string publicKey)
    {
        var widget = app.CreateClient();
        widget.DefaultRequestHeaders.Add("X-Rose-Key", publicKey);
        return widget;
    }
}
