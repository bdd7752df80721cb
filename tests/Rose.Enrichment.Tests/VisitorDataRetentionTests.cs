using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rose.Chat.Data;
using Rose.Storage;
using Rose.Tagging.Data;
using Rose.Tagging.Labels;
using Rose.Tagging.Retention;
using Rose.Testing;
using Xunit;

namespace Rose.Enrichment.Tests;

/// <summary>
/// The retention purge on the standalone host over real PostgreSQL: two tenants hold the same old and
/// recent visitor data; only the tenant with a 30-day retention period loses the old rows, in every table.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class VisitorDataRetentionTests(PostgresServer postgres)
{
    [Fact]
    public async Task RunAsync_removes_only_the_old_visitor_data_of_the_tenant_with_a_retention_period()
    {
        await using var app = new RoseAppFactory<Program>()
            .With("Rose:Demo:Enabled", "false")
            .With("Rose:Storage:Provider", "PostgreSql")
            .With("Rose:Storage:ConnectionString", await postgres.CreateDatabaseAsync("retention"));
        var purgingKey = await CreateTenantAsync(app, "retention-on");
        await CreateTenantAsync(app, "retention-off");
        using (var management = app.CreateClient())
        {
            management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", purgingKey);
            Assert.Equal(HttpStatusCode.OK, (await management.PutAsJsonAsync("/api/v1/enrichment/settings", new { retentionDays = 30 })).StatusCode);
        }

        var now = DateTimeOffset.UtcNow;
        foreach (var tenant in new[] { "retention-on", "retention-off" })
        {
            await SeedAsync(app, tenant, "old", now.AddDays(-45));
            await SeedAsync(app, tenant, "recent", now.AddDays(-2));
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<VisitorDataRetentionJob>().RunAsync(CancellationToken.None);
        }

        Assert.Equal(["recent"], await RowsAsync(app, "retention-on"));
        Assert.Equal(["old", "recent"], await RowsAsync(app, "retention-off"));
    }

    private static async Task SeedAsync(RoseAppFactory<Program> app, string tenantId, string id, DateTimeOffset at)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(tenantId);
        var chat = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
        var tagging = scope.ServiceProvider.GetRequiredService<TaggingDbContext>();
        chat.Conversations.Add(new Conversation { TenantId = tenantId, Id = id, TokenHash = "hash-" + id, VisitorId = "visitor-0123456789-" + id, VisitorCompany = "Globex", MessageCount = 1, CreatedAt = at, LastActivityAt = at, EndedAt = at });
        chat.Messages.Add(new ConversationMessage { TenantId = tenantId, Id = id + "-m1", ConversationId = id, Sequence = 1, Text = "What does it cost?", CreatedAt = at });
        chat.Leads.Add(new Lead { TenantId = tenantId, Id = id + "-lead", Email = $"{id}@globex.example", ConversationId = id, CreatedAt = at });
        chat.Leads.Add(new Lead { TenantId = tenantId, Id = id + "-page-lead", Email = $"{id}-page@globex.example", CreatedAt = at });
        tagging.Conversations.Add(new TaggedConversation
        {
            TenantId = tenantId, ConversationId = id, LabelSetVersion = "v", Classifier = "offline", MessageCount = 1, Intent = "pricing", Stage = "consideration",
            Score = 40, VisitorKey = "visitor:" + id, CompanyName = "Globex", CompanyDomain = "globex.example", CompanyMatchedBy = "ip-range", CompanyConfidence = 0.75,
            LastActivityAt = at, TaggedAt = at,
        });
        tagging.Tags.Add(new StoredTag { TenantId = tenantId, ConversationId = id, Group = LabelGroup.Intent, Label = "pricing", Confidence = 0.9 });
        tagging.Factors.Add(new StoredScoreFactor { TenantId = tenantId, ConversationId = id, Position = 0, Key = "pricing", Points = 40, Reason = "asked for pricing" });
        tagging.Qualifications.Add(new LeadQualification { TenantId = tenantId, VisitorKey = "visitor:" + id, ConversationId = id, Score = 40, QualifiedAt = at });
        await chat.SaveChangesAsync();
        await tagging.SaveChangesAsync();
    }

    /// <summary>The seeds whose rows are all still there; a seed with some rows gone fails the test.</summary>
    private static async Task<List<string>> RowsAsync(RoseAppFactory<Program> app, string tenantId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(tenantId);
        var chat = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
        var tagging = scope.ServiceProvider.GetRequiredService<TaggingDbContext>();
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var id in new[] { "old", "recent" })
        {
            counts[id] =
            [
                await chat.Conversations.CountAsync(c => c.Id == id),
                await chat.Messages.CountAsync(m => m.ConversationId == id),
                await chat.Leads.CountAsync(l => l.Id.StartsWith(id + "-")),
                await tagging.Conversations.CountAsync(c => c.ConversationId == id),
                await tagging.Tags.CountAsync(t => t.ConversationId == id),
                await tagging.Factors.CountAsync(f => f.ConversationId == id),
                await tagging.Qualifications.CountAsync(q => q.ConversationId == id),
            ];
        }

        Assert.All(counts, c => Assert.True(c.Value.All(n => n == 0) || c.Value.SequenceEqual([1, 1, 2, 1, 1, 1, 1]), $"{tenantId}/{c.Key}: {string.Join(", ", c.Value)}"));
        return [.. counts.Where(c => c.Value[0] > 0).Select(c => c.Key).Order(StringComparer.Ordinal)];
    }

    private static async Task<string> CreateTenantAsync(RoseAppFactory<Program> app, string tenantId)
    {
        using var staff = app.CreateClient();
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RoseAppFactory<Program>.StaffKey);
        var created = await (await staff.PostAsJsonAsync("/admin/v1/tenants", new { tenantId, name = tenantId })).Content.ReadFromJsonAsync<JsonElement>();
        return created.GetProperty("apiKey").GetString()!;
    }
}
