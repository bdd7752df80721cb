using Microsoft.Extensions.DependencyInjection;
using Rose.Backoffice.Pages.Accounts;
using Rose.Chat.Data;
using Rose.Storage;
using Rose.Tenancy;
using Rose.Testing;
using Xunit;

namespace Rose.Backoffice.Tests;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SqlCountingCollection
{
    public const string Name = "SQL commands counted process-wide";
}

/// <summary>
/// No page does one query per row: the conversations list and a transcript send as many SQL
/// commands for a tenant with 40 conversations of 10 messages as for one with 2. Commands are counted
/// through EF Core's diagnostic events, so the test runs alone in its process.
/// </summary>
[Collection(SqlCountingCollection.Name)]
public sealed class SqlCommandCountTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";

    private readonly RoseAppFactory<Program> app = new();
    private SqlCommandCounter? counter;

    public async Task InitializeAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var tenants = scope.ServiceProvider.GetRequiredService<TenantAdministration>();
        var accounts = scope.ServiceProvider.GetRequiredService<BackofficeAccounts>();
        foreach (var (tenant, conversations) in new[] { ("small", 2), ("large", 40) })
        {
            await tenants.CreateAsync(new NewTenant(tenant, tenant), CancellationToken.None);
            await accounts.EnsureOwnerAsync(tenant, $"owner@{tenant}.test", Password, CancellationToken.None);
            await SeedAsync(scope.ServiceProvider, tenant, conversations);
        }

        counter = new SqlCommandCounter();
    }

    [Theory]
    [InlineData("/backoffice/conversations")]
    [InlineData("/backoffice/conversations?q=question&email=no")]
    [InlineData("/backoffice/conversations/c-1")]
    [InlineData("/backoffice/")]
    public async Task A_page_sends_as_many_sql_commands_for_many_rows_as_for_few(string path)
    {
        var small = await CountAsync("small", path);
        var large = await CountAsync("large", path);

        Assert.Equal(small, large);
        Assert.InRange(large, 1, 8);
    }

    public async Task DisposeAsync()
    {
        counter?.Dispose();
        await app.DisposeAsync();
    }

    private async Task<int> CountAsync(string tenant, string path)
    {
        using var browser = new BackofficeBrowserlessClient(app);
        await browser.SignInAsync($"owner@{tenant}.test", Password);
        await browser.PageAsync(path); // warm: caches and the first query's compilation
        var before = counter!.Commands;
        await browser.PageAsync(path);
        return counter.Commands - before;
    }

    private static async Task SeedAsync(IServiceProvider services, string tenantId, int conversations)
    {
        using var _ = services.GetRequiredService<ICurrentTenant>().Use(tenantId);
        var db = services.GetRequiredService<ChatDbContext>();
        var now = DateTimeOffset.UtcNow;
        for (var c = 1; c <= conversations; c++)
        {
            var id = $"c-{c}";
            db.Conversations.Add(new Conversation { Id = id, TokenHash = new string('0', 64), MessageCount = 10, CreatedAt = now, LastActivityAt = now.AddSeconds(-c) });
            for (var m = 1; m <= 10; m++)
            {
                db.Messages.Add(new ConversationMessage
                {
                    Id = $"{id}-{m}", ConversationId = id, Sequence = m, CreatedAt = now,
                    Role = m % 2 == 1 ? ConversationMessage.VisitorRole : ConversationMessage.AssistantRole,
                    Text = $"Question {m} of conversation {c}",
                    Citations = m % 2 == 0 ? [new StoredCitation { Number = 1, Title = "Pricing", Url = "https://acme.test/pricing", DocumentId = "d", ChunkId = "k" }] : [],
                });
            }
        }

        await db.SaveChangesAsync();
    }
}
