using Microsoft.Extensions.DependencyInjection;
using Rose.Knowledge.Data;
using Rose.Storage;
using Rose.Testing;
using Xunit;

namespace Rose.Chat.Tests;

/// <summary>One app whose tenants' documents are written with a chosen status and never loaded.</summary>
public sealed class KnowledgeLoadingFixture : IAsyncLifetime
{
    public RoseAppFactory<Program> App { get; } = new RoseAppFactory<Program>()
        .With("Rose:Demo:Enabled", "false")
        .With("Rose:Chat:ConversationsPerMinutePerVisitor", "1000")
        .With("Rose:Chat:MessagesPerMinutePerVisitor", "1000");

    public ChatClient Client => new(App);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>Creates a tenant and returns its widget key.</summary>
    public async Task<string> CreateTenantAsync(string tenantId) => (await Client.CreateTenantAsync(tenantId, $"https://www.{tenantId}.test")).PublicKey;

    /// <summary>
    /// Stores document rows as they are while a loader works on them. Written directly, not
    /// submitted, so no loader picks them up and their status stays exactly as written.
    /// </summary>
    public async Task StoreDocumentsAsync(string tenantId, params DocumentStatus[] statuses)
    {
        await using var scope = App.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>();
        var now = DateTimeOffset.UtcNow;
        foreach (var status in statuses)
        {
            var id = Guid.NewGuid().ToString("N");
            db.Documents.Add(new KnowledgeDocument { TenantId = tenantId, Id = id, SourceKey = "file:" + id, Title = id, Status = status, CreatedAt = now, UpdatedAt = now });
        }

        await db.SaveChangesAsync();
    }
}
