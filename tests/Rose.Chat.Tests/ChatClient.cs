using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Rose.Testing;
using Xunit;

namespace Rose.Chat.Tests;

/// <summary>Drives a Rose app the way the widget and a client's back office do.</summary>
public sealed class ChatClient(WebApplicationFactory<Program> app)
{
    public async Task<(string TenantId, string PublicKey, string ApiKey)> CreateTenantAsync(string tenantId, params string[] origins)
    {
        using var staff = app.CreateClient();
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RoseAppFactory<Program>.StaffKey);
        var response = await staff.PostAsJsonAsync("/admin/v1/tenants", new { tenantId, name = tenantId, allowedOrigins = origins });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (tenantId, created.GetProperty("tenant").GetProperty("publicKey").GetString()!, created.GetProperty("apiKey").GetString()!);
    }

    /// <summary>Uploads a Markdown document and waits until it is indexed.</summary>
    public async Task<string> IndexAsync(string apiKey, string title, string url, string markdown)
    {
        using var management = Management(apiKey);
        var response = await management.PostAsJsonAsync("/api/v1/knowledge/documents", new { title, url, content = markdown, contentType = "text/markdown" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            var view = await management.GetFromJsonAsync<JsonElement>($"/api/v1/knowledge/documents/{Uri.EscapeDataString(id)}", timeout.Token);
            var status = view.GetProperty("status").GetString();
            if (string.Equals(status, "indexed", StringComparison.OrdinalIgnoreCase))
            {
                return id;
            }

            Assert.False(string.Equals(status, "failed", StringComparison.OrdinalIgnoreCase), view.ToString());
            await Task.Delay(100, timeout.Token);
        }
    }

    public async Task PutSkillsAsync(string apiKey, object skills)
    {
        using var management = Management(apiKey);
        var response = await management.PutAsJsonAsync("/api/v1/skills", skills);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async Task<(string Id, string Token)> StartAsync(string publicKey, string? page = null, string? origin = null)
    {
        using var widget = Widget(publicKey);
        if (origin is not null)
        {
            widget.DefaultRequestHeaders.Add("Origin", origin);
        }

        var response = await widget.PostAsync("/rose/v1/conversations", page is null ? null : JsonContent.Create(new { page }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("conversationId").GetString()!, body.GetProperty("token").GetString()!);
    }

    public async Task<HttpResponseMessage> PostAsync(string publicKey, string conversationId, string? token, string text)
    {
        using var widget = Widget(publicKey);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/rose/v1/conversations/{conversationId}/messages")
        {
            Content = JsonContent.Create(new { text }),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await widget.SendAsync(request);
    }

    public async Task<IReadOnlyList<SseEvent>> AskAsync(string publicKey, string conversationId, string token, string text)
    {
        var response = await PostAsync(publicKey, conversationId, token, text);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return SseEvent.ParseAll(await response.Content.ReadAsStringAsync());
    }

    public async Task<HttpResponseMessage> HistoryAsync(string publicKey, string conversationId, string? token)
    {
        using var widget = Widget(publicKey);
        var request = new HttpRequestMessage(HttpMethod.Get, $"/rose/v1/conversations/{conversationId}");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await widget.SendAsync(request);
    }

    /// <summary>The first page of the tenant's conversations as its marketers list them (the page's <c>items</c>).</summary>
    public async Task<JsonElement> ConversationsAsync(string apiKey, string query = "")
    {
        using var management = Management(apiKey);
        return (await management.GetFromJsonAsync<JsonElement>("/api/v1/conversations" + query)).GetProperty("items");
    }

    /// <summary>A client of the management API with this tenant's key.</summary>
    public HttpClient Management(string apiKey)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    /// <summary>A client of the widget API with this tenant's public key.</summary>
    public HttpClient Widget(string publicKey)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Rose-Key", publicKey);
        return client;
    }
}
