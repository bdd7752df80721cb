using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rose.Backoffice.Pages.Accounts;
using Rose.Knowledge.Retrieval;
using Rose.Platform.Bindings;
using Rose.Platform.Embedded;
using Rose.Platform.State;
using Rose.Storage;
using Rose.Testing;
using Xunit;

namespace Rose.Tenancy.Tests;

/// <summary>
/// <c>DELETE /admin/v1/tenants/{id}</c> on the standalone host over PostgreSQL: one tenant seeded in
/// every store through the real flows (knowledge loading, a chat turn, widget events, a backoffice
/// account) plus a blob and a state key, then off-boarded beside a second tenant seeded the same way.
/// Every table of every module's context is counted, so a module whose rows survive fails the test.
/// </summary>
public sealed class TenantOffboardingTests(OffboardingHost host) : IClassFixture<OffboardingHost>
{
    private const string Password = "correct horse battery";

    private static readonly MethodInfo CountMethod =
        typeof(TenantOffboardingTests).GetMethod(nameof(CountOfTenantAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private RoseAppFactory<Program> App => host.App;

    [Fact]
    public async Task Offboarding_erases_every_store_of_the_tenant_and_leaves_the_other_tenant_untouched()
    {
        var leaving = await SeedAsync("leaving");
        var staying = await SeedAsync("staying");
        var leavingBefore = await RowCountsAsync("leaving");
        var stayingBefore = await RowCountsAsync("staying");
        Assert.All(
            ["tenancy.Tenant", "knowledge.KnowledgeDocument", "knowledge.KnowledgeChunk", "chat.Conversation", "chat.ConversationMessage", "analytics.WidgetEvent"],
            table => Assert.True(leavingBefore.GetValueOrDefault(table) > 0, $"{table} was not seeded: {Describe(leavingBefore)}"));
        Assert.True(await PlatformRowsAsync("leaving", "state") >= 2, "the conversation memory and the seeded key are in the state table");
        var indexes = App.Services.GetRequiredService<KnowledgeIndexCache>();
        Assert.True(indexes.Holds("leaving"), "the chat turn loaded the tenant's index into memory");

        var response = await Staff().DeleteAsync("/admin/v1/tenants/leaving");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var instanceId = accepted.GetProperty("instanceId").GetString();
        Assert.Equal("/admin/v1/tenants/leaving/offboarding", accepted.GetProperty("statusUrl").GetString());
        Assert.Equal("/admin/v1/tenants/leaving/offboarding", response.Headers.Location?.OriginalString);
        var status = await WaitForOffboardedAsync("leaving");
        Assert.Contains("knowledge", status.GetProperty("erased").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("tenancy", status.GetProperty("erased").EnumerateArray().Last().GetString());

        var leavingAfter = await RowCountsAsync("leaving");
        Assert.True(leavingAfter.Values.All(c => c == 0), $"rows of the off-boarded tenant remain: {Describe(leavingAfter)}");
        Assert.Equal(stayingBefore, await RowCountsAsync("staying"));
        Assert.False(indexes.Holds("leaving"), "the off-boarded tenant's index is dropped from memory");
        Assert.True(indexes.Holds("staying"));
        foreach (var table in (string[])["state", "outbox", "dead_letters"])
        {
            Assert.Equal(0, await PlatformRowsAsync("leaving", table));
        }

        await using var scope = App.Services.CreateAsyncScope();
        var state = scope.ServiceProvider.GetRequiredService<IStateStore>();
        Assert.Null(await state.GetAsync<string>("leaving", "seeded-key"));
        Assert.Null(await state.GetAsync<JsonElement>("leaving", "chat-memory:" + leaving.ConversationId));
        Assert.NotNull(await state.GetAsync<string>("staying", "seeded-key"));
        Assert.NotNull(await state.GetAsync<JsonElement>("staying", "chat-memory:" + staying.ConversationId));
        var blobs = scope.ServiceProvider.GetRequiredService<IBlobStore>();
        Assert.Empty(await blobs.ListAsync("leaving"));
        Assert.Equal(["site/index.html"], await blobs.ListAsync("staying"));
        var accounts = scope.ServiceProvider.GetRequiredService<BackofficeAccountsDbContext>();
        Assert.False(await accounts.Memberships.AnyAsync(m => m.TenantId == "leaving"));
        Assert.False(await accounts.Users.AnyAsync(u => u.Email == "owner@leaving.test"));
        Assert.True(await accounts.Memberships.AnyAsync(m => m.TenantId == "staying"));

        // The tenant is gone; asking again answers the same off-boarding.
        Assert.Equal(HttpStatusCode.NotFound, (await Staff().GetAsync("/admin/v1/tenants/leaving")).StatusCode);
        var again = await Staff().DeleteAsync("/admin/v1/tenants/leaving");
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(instanceId, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instanceId").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Staff().GetAsync("/admin/v1/tenants/staying")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Widget(staying.PublicKey).GetAsync("/rose/v1/widget/config")).StatusCode);
    }

    [Fact]
    public async Task Offboarding_refuses_the_tenants_keys_at_once()
    {
        var tenant = await CreateTenantAsync("refused");
        Assert.Equal(HttpStatusCode.OK, (await Widget(tenant.PublicKey).GetAsync("/rose/v1/widget/config")).StatusCode);

        // The first call of the directory caches the tenant for a while: the refusal must not wait for it to expire.
        var response = await Staff().DeleteAsync("/admin/v1/tenants/refused");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Widget(tenant.PublicKey).GetAsync("/rose/v1/widget/config")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Management(tenant.ApiKey).GetAsync("/api/v1/tenant")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Staff().GetAsync("/admin/v1/tenants/refused")).StatusCode);
        await WaitForOffboardedAsync("refused");
    }

    [Fact]
    public async Task Offboarding_requested_twice_at_once_answers_the_same_202_and_instance_to_both()
    {
        await CreateTenantAsync("twice");

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Staff().DeleteAsync("/admin/v1/tenants/twice")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var instances = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instanceId").GetString()));
        Assert.Single(instances.Distinct());
        await WaitForOffboardedAsync("twice");
    }

    [Fact]
    public async Task Offboarding_a_tenant_that_never_existed_answers_404_and_needs_the_staff_key()
    {
        var unknown = await Staff().DeleteAsync("/admin/v1/tenants/never-there");
        var anonymous = await App.CreateClient().DeleteAsync("/admin/v1/tenants/never-there");
        var status = await Staff().GetAsync("/admin/v1/tenants/never-there/offboarding");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
    }

    private async Task<(string PublicKey, string ApiKey, string ConversationId)> SeedAsync(string tenantId)
    {
        var (publicKey, apiKey) = await CreateTenantAsync(tenantId);
        var management = Management(apiKey);
        var faqs = await management.PostAsJsonAsync("/api/v1/knowledge/faqs", new
        {
            faqs = new[]
            {
                new { question = $"What does {tenantId} sell?", answer = $"{tenantId} sells anvils for coyotes, delivered within two days." },
                new { question = "Do you ship abroad?", answer = "Yes, anvils ship to every country, with free returns." },
            },
        });
        Assert.Equal(HttpStatusCode.Accepted, faqs.StatusCode);
        await Eventually.UntilAsync(
            async () => (await management.GetFromJsonAsync<JsonElement>("/api/v1/knowledge/documents")).EnumerateArray()
                .All(d => d.GetProperty("status").GetString() == "indexed"),
            TimeSpan.FromSeconds(90),
            $"the FAQ entries of {tenantId} are indexed");

        var widget = Widget(publicKey);
        var started = await widget.PostAsJsonAsync("/rose/v1/conversations", new { page = "https://example.test/" });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var conversation = await started.Content.ReadFromJsonAsync<JsonElement>();
        var conversationId = conversation.GetProperty("conversationId").GetString()!;
        using (var message = new HttpRequestMessage(HttpMethod.Post, $"/rose/v1/conversations/{conversationId}/messages") { Content = JsonContent.Create(new { text = "Do you ship abroad?" }) })
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversation.GetProperty("token").GetString());
            var answer = await widget.SendAsync(message);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            await answer.Content.ReadAsStringAsync(); // the whole stream: the turn is stored when it ends
        }

        var events = await widget.PostAsJsonAsync("/rose/v1/events", new { events = new[] { new { type = "open", conversationId } } });
        Assert.Equal(HttpStatusCode.Accepted, events.StatusCode);

        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IBlobStore>().PutAsync(tenantId, "site/index.html", "<h1>FAQ</h1>"u8.ToArray());
        await scope.ServiceProvider.GetRequiredService<IStateStore>().SaveAsync(tenantId, "seeded-key", "a value");
        await scope.ServiceProvider.GetRequiredService<BackofficeAccounts>().EnsureOwnerAsync(tenantId, $"owner@{tenantId}.test", Password, CancellationToken.None);
        return (publicKey, apiKey, conversationId);
    }

    private async Task<JsonElement> WaitForOffboardedAsync(string tenantId)
    {
        JsonElement status = default;
        await Eventually.UntilAsync(
            async () =>
            {
                status = await Staff().GetFromJsonAsync<JsonElement>($"/admin/v1/tenants/{tenantId}/offboarding");
                Assert.NotEqual("failed", status.GetProperty("state").GetString());
                return status.GetProperty("state").GetString() == "offboarded";
            },
            TimeSpan.FromSeconds(60),
            $"{tenantId} is off-boarded");
        return status;
    }

    /// <summary>Rows of the tenant in every table of every tenant-scoped context the host composes, by <c>module.Entity</c>.</summary>
    private async Task<Dictionary<string, int>> RowCountsAsync(string tenantId)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        await using var scope = App.Services.CreateAsyncScope();
        foreach (var module in scope.ServiceProvider.GetServices<ModuleDatabase>().DistinctBy(m => m.ContextType))
        {
            if (module.Resolve(scope.ServiceProvider) is not TenantScopedDbContext db)
            {
                continue;
            }

            foreach (var entity in db.Model.GetEntityTypes().Where(e => !e.IsOwned() && e.BaseType is null && e.GetTableName() is not null))
            {
                counts[$"{module.Module}.{entity.ClrType.Name}"] = await (Task<int>)CountMethod.MakeGenericMethod(entity.ClrType).Invoke(null, [db, tenantId])!;
            }
        }

        return new Dictionary<string, int>(counts);
    }

    private static Task<int> CountOfTenantAsync<TEntity>(DbContext db, string tenantId) where TEntity : class, ITenantOwned =>
        db.Set<TEntity>().IgnoreQueryFilters().CountAsync(e => e.TenantId == tenantId);

    /// <summary>The tenant's rows in one of the embedded runtime's own tables (platform.db).</summary>
    private async Task<long> PlatformRowsAsync(string tenantId, string table)
    {
        var database = App.Services.GetRequiredService<PlatformDatabase>();
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = table switch
        {
            "state" => "SELECT COUNT(*) FROM state WHERE tenant_id = $tenant",
            "outbox" => "SELECT COUNT(*) FROM outbox WHERE tenant_id = $tenant",
            _ => "SELECT COUNT(*) FROM dead_letters WHERE tenant_id = $tenant",
        };
        command.Parameters.Add(new SqliteParameter("$tenant", tenantId));
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static string Describe(IReadOnlyDictionary<string, int> counts) =>
        string.Join(", ", counts.Where(c => c.Value > 0).Select(c => $"{c.Key}={c.Value}"));

    private async Task<(string PublicKey, string ApiKey)> CreateTenantAsync(string tenantId)
    {
        var response = await Staff().PostAsJsonAsync("/admin/v1/tenants", new { tenantId, name = tenantId, allowedOrigins = new[] { "https://example.test" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("tenant").GetProperty("publicKey").GetString()!, created.GetProperty("apiKey").GetString()!);
    }

    private HttpClient Staff()
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RoseAppFactory<Program>.StaffKey);
        return client;
    }

    private HttpClient Management(string apiKey)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    private HttpClient Widget(string publicKey)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Add("X-Rose-Key", publicKey);
        return client;
    }
}
