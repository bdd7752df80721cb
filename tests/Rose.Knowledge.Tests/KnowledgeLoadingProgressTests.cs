using Microsoft.Extensions.DependencyInjection;
using Rose.Knowledge.Data;
using Rose.Knowledge.Ingestion;
using Rose.Knowledge.Tests.Fixtures;
using Rose.Storage;
using Xunit;

namespace Rose.Knowledge.Tests;

/// <summary>The loading progress is read from the documents' stored status, one tenant at a time.</summary>
public sealed class KnowledgeLoadingProgressTests : IAsyncLifetime, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("rose-progress-").FullName;
    private KnowledgeTestHost host = null!;

    public async Task InitializeAsync() =>
        host = await KnowledgeTestHost.StartAsync(StorageProvider.Sqlite, $"Data Source={Path.Combine(folder, "rose.db")};Pooling=false");

    public async Task DisposeAsync() => await host.DisposeAsync();

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task ForTenantAsync_counts_only_that_tenants_documents_by_status()
    {
        await StoreAsync("acme", DocumentStatus.Queued, DocumentStatus.Processing, DocumentStatus.Indexed, DocumentStatus.Indexed, DocumentStatus.Failed);
        await StoreAsync("globex", DocumentStatus.Queued, DocumentStatus.Queued, DocumentStatus.Queued);

        var acme = await ProgressAsync("acme");
        var globex = await ProgressAsync("globex");
        var initech = await ProgressAsync("initech");

        Assert.Equal(new KnowledgeLoadingSnapshot(Total: 5, Loading: 2, Indexed: 2, Failed: 1), acme);
        Assert.Equal(new KnowledgeLoadingSnapshot(Total: 3, Loading: 3, Indexed: 0, Failed: 0), globex);
        Assert.Equal(new KnowledgeLoadingSnapshot(0, 0, 0, 0), initech);
    }

    [Fact]
    public async Task ForTenantAsync_reports_first_loading_only_while_nothing_is_indexed_yet()
    {
        await StoreAsync("acme", DocumentStatus.Queued, DocumentStatus.Processing);
        var first = await ProgressAsync("acme");

        await StoreAsync("acme", DocumentStatus.Indexed);
        var partly = await ProgressAsync("acme");

        Assert.True(first.IsFirstLoading);
        Assert.False(first.IsSettled);
        Assert.False(partly.IsFirstLoading);
        Assert.False(partly.IsSettled);
        Assert.False((await ProgressAsync("empty")).IsFirstLoading);
        Assert.True((await ProgressAsync("empty")).IsSettled);
    }

    [Fact]
    public async Task ForTenantAsync_leaves_the_callers_tenant_as_it_was()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var current = scope.ServiceProvider.GetRequiredService<ICurrentTenant>();
        using var _ = current.Use("acme");

        await scope.ServiceProvider.GetRequiredService<KnowledgeLoadingProgress>().ForTenantAsync("globex", CancellationToken.None);

        Assert.Equal("acme", current.TenantId);
    }

    private async Task<KnowledgeLoadingSnapshot> ProgressAsync(string tenantId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KnowledgeLoadingProgress>().ForTenantAsync(tenantId, CancellationToken.None);
    }

    // Rows written directly (no loader runs): their status stays exactly as written.
    private async Task StoreAsync(string tenantId, params DocumentStatus[] statuses)
    {
        await using var scope = host.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>();
        var now = DateTimeOffset.UtcNow;
        foreach (var status in statuses)
        {
            var id = Guid.NewGuid().ToString("N");
            db.Documents.Add(new KnowledgeDocument
            {
                TenantId = tenantId, Id = id, SourceKey = "file:" + id, Title = id, Status = status, CreatedAt = now, UpdatedAt = now,
            });
        }

        await db.SaveChangesAsync();
    }
}
