using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Rose.Chat.Jobs;
using Rose.Platform;
using Rose.Storage;
using Rose.Tagging.Events;
using Rose.Testing;
using Xunit;

namespace Rose.Tagging.Tests;

/// <summary>
/// The standalone host (every app in one process, embedded runtime, SQLite) with conversations that
/// go idle after one second, and a recorder of <c>lead.qualified</c>. Drives it as the widget, the
/// tenant's staff and the idle-check schedule do.
/// </summary>
public sealed class LeadsHost : IAsyncLifetime
{
    private readonly RoseAppFactory<Program> root = new RoseAppFactory<Program>()
        .With("Rose:Demo:Enabled", "false")
        .With("Rose:Chat:IdleAfter", "00:00:01")
        .With("Rose:Chat:ConversationsPerMinutePerVisitor", "1000")
        .With("Rose:Chat:MessagesPerMinutePerVisitor", "1000");

    public WebApplicationFactory<Program> App { get; private set; } = null!;

    public QualifiedLeads Qualified => App.Services.GetRequiredService<QualifiedLeads>();

    public Task InitializeAsync()
    {
        App = root.WithWebHostBuilder(web => web.ConfigureTestServices(services => services
            .AddSingleton<QualifiedLeads>()
            .AddRoseEventHandler<LeadQualified, QualifiedLeadRecorder>()));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await root.DisposeAsync();
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

    /// <summary>Starts a conversation, sends each message (reading the streamed answer), leaves the e-mail if given.</summary>
    public Task<string> ConverseAsync(string publicKey, string? email, params string[] messages) =>
        ConverseAsVisitorAsync(publicKey, null, email, messages);

    /// <summary>As <see cref="ConverseAsync(string, string?, string[])"/>, from the browser that keeps <paramref name="visitorId"/>.</summary>
    public async Task<string> ConverseAsVisitorAsync(string publicKey, string? visitorId, string? email, params string[] messages)
    {
        using var widget = App.CreateClient();
        widget.DefaultRequestHeaders.Add("X-Rose-Key", publicKey);
        var start = await widget.PostAsJsonAsync("/rose/v1/conversations", new { visitorId });
        Assert.True(start.StatusCode == HttpStatusCode.Created, await start.Content.ReadAsStringAsync());
        var started = await start.Content.ReadFromJsonAsync<JsonElement>();
        var id = started.GetProperty("conversationId").GetString()!;
        var token = started.GetProperty("token").GetString()!;
        foreach (var text in messages)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/rose/v1/conversations/{id}/messages") { Content = JsonContent.Create(new { text }) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await widget.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await response.Content.ReadAsStringAsync();
        }

        if (email is not null)
        {
            var lead = await widget.PostAsJsonAsync("/rose/v1/leads", new { email, conversationId = id });
            Assert.Equal(HttpStatusCode.Created, lead.StatusCode);
        }

        return id;
    }

    /// <summary>Lets the conversations go idle, then runs the idle check as its schedule would (every minute).</summary>
    public async Task EndIdleConversationsAsync()
    {
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ConversationIdleCheckJob>().RunAsync(CancellationToken.None);
    }

    /// <summary>The lead view once the worker side tagged the conversation.</summary>
    public async Task<JsonElement> LeadAsync(string apiKey, string conversationId)
    {
        using var management = Management(apiKey);
        JsonElement lead = default;
        await Eventually.UntilAsync(async () =>
        {
            var response = await management.GetAsync($"/api/v1/conversations/{conversationId}/lead");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }

            lead = await response.Content.ReadFromJsonAsync<JsonElement>();
            return true;
        }, TimeSpan.FromSeconds(30), $"conversation {conversationId} is tagged");
        return lead;
    }

    public HttpClient Management(string apiKey)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    /// <summary>Runs <paramref name="work"/> in a scope acting for <paramref name="tenantId"/>, as a job or handler would.</summary>
    public async Task<T> AsTenantAsync<T>(string tenantId, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(tenantId))
        {
            return await work(scope.ServiceProvider);
        }
    }
}
