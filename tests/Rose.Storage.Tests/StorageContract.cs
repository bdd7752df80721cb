using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rose.Tenancy;
using Rose.Tenancy.Data;
using Xunit;

namespace Rose.Storage.Tests;

/// <summary>
/// The storage suite. It runs once per provider (SQLite file, real PostgreSQL server), through
/// the same registration code the apps use, with migrations applied as on start.
/// </summary>
public abstract class StorageContract : IAsyncLifetime
{
    private ServiceProvider services = null!;

    protected abstract StorageProvider Provider { get; }

    protected abstract Task<string> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        var connectionString = await CreateDatabaseAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rose:Storage:Provider"] = Provider.ToString(),
            ["Rose:Storage:ConnectionString"] = connectionString,
        }).Build();
        var collection = new ServiceCollection().AddLogging();
        collection.AddRoseTenancy(configuration);
        collection.AddDbContext<NotesDbContext>(builder => Configure(builder, connectionString));
        collection.AddDbContext<UnownedDbContext>(builder => Configure(builder, connectionString));
        services = collection.BuildServiceProvider(validateScopes: true);

        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NotesDbContext>().Database.ExecuteSqlRawAsync(
            "CREATE TABLE notes (\"TenantId\" varchar(63) NOT NULL, \"Id\" integer NOT NULL, \"Text\" text NOT NULL, PRIMARY KEY (\"TenantId\", \"Id\"))");
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    [Fact]
    public async Task Query_throws_when_no_tenant_is_set()
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotesDbContext>();

        var error = await Record.ExceptionAsync(() => db.Notes.ToListAsync());

        Assert.NotNull(error);
        Assert.Contains(Chain(error), e => e is TenantRequiredException);
    }

    [Fact]
    public async Task Save_throws_when_no_tenant_is_set()
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotesDbContext>();
        db.Notes.Add(new Note { Id = 1, Text = "orphan" });

        await Assert.ThrowsAsync<TenantRequiredException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Query_returns_only_the_current_tenants_rows()
    {
        await AddNoteAsync("acme", 1, "acme's");
        await AddNoteAsync("globex", 1, "globex's");
        await AddNoteAsync("globex", 2, "globex's second");

        Assert.Equal(["acme's"], await TextsAsync("acme"));
        Assert.Equal(["globex's", "globex's second"], await TextsAsync("globex"));
        Assert.Empty(await TextsAsync("initech"));
    }

    [Fact]
    public async Task Find_by_key_does_not_reach_another_tenants_row()
    {
        await AddNoteAsync("acme", 7, "secret");

        await using var scope = services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use("globex");
        var db = scope.ServiceProvider.GetRequiredService<NotesDbContext>();

        Assert.Null(await db.Notes.FirstOrDefaultAsync(n => n.TenantId == "acme" && n.Id == 7));
    }

    [Fact]
    public async Task Save_stamps_new_rows_with_the_current_tenant()
    {
        await AddNoteAsync("acme", 3, "stamped");

        await using var scope = services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use("acme");
        var note = await scope.ServiceProvider.GetRequiredService<NotesDbContext>().Notes.SingleAsync(n => n.Id == 3);
        Assert.Equal("acme", note.TenantId);
    }

    [Fact]
    public async Task Save_refuses_a_row_of_another_tenant_and_stores_nothing()
    {
        await using (var scope = services.CreateAsyncScope())
        {
            using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use("acme");
            var db = scope.ServiceProvider.GetRequiredService<NotesDbContext>();
            db.Notes.Add(new Note { TenantId = "globex", Id = 9, Text = "smuggled" });

            await Assert.ThrowsAsync<CrossTenantWriteException>(() => db.SaveChangesAsync());
        }

        Assert.Empty(await TextsAsync("globex"));
        Assert.Empty(await TextsAsync("acme"));
    }

    [Fact]
    public async Task Save_refuses_moving_a_row_to_another_tenant()
    {
        await AddNoteAsync("acme", 4, "mine");

        await using (var scope = services.CreateAsyncScope())
        {
            using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use("acme");
            var db = scope.ServiceProvider.GetRequiredService<NotesDbContext>();
            var note = await db.Notes.SingleAsync(n => n.Id == 4);
            db.Entry(note).State = EntityState.Deleted;
            db.ChangeTracker.Clear();
            db.Notes.Attach(new Note { TenantId = "globex", Id = 4, Text = "mine" }).State = EntityState.Modified;

            await Assert.ThrowsAsync<CrossTenantWriteException>(() => db.SaveChangesAsync());
        }

        Assert.Equal(["mine"], await TextsAsync("acme"));
    }

    [Fact]
    public async Task Model_without_tenant_id_is_refused()
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UnownedDbContext>();

        var error = Assert.Throws<InvalidOperationException>(() => db.Model);
        Assert.Contains(nameof(ITenantOwned), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrated_tenants_round_trip_and_resolve_by_keys()
    {
        CreatedTenant created;
        await using (var scope = services.CreateAsyncScope())
        {
            created = await scope.ServiceProvider.GetRequiredService<TenantAdministration>().CreateAsync(
                new NewTenant("acme", "Acme Corp", ["https://www.acme.test"], new WidgetSettingsView("Ava", "Hello", "#112233", "#ffffff", "fr")),
                CancellationToken.None);
        }

        var directory = services.GetRequiredService<TenantDirectory>();
        var byPublic = await directory.FindByPublicKeyAsync(created.Tenant.PublicKey, CancellationToken.None);
        var byApi = await directory.FindByApiKeyAsync(created.ApiKey, CancellationToken.None);

        Assert.NotNull(byPublic);
        Assert.Equal("acme", byPublic.TenantId);
        Assert.Equal(["https://www.acme.test"], byPublic.AllowedOrigins);
        Assert.Equal("fr", byPublic.Widget.Language);
        Assert.Equal("acme", byApi?.TenantId);
        Assert.Null(await directory.FindByApiKeyAsync(created.ApiKey + "x", CancellationToken.None));
    }

    [Fact]
    public async Task Stored_api_key_is_a_hash_not_the_key()
    {
        CreatedTenant created;
        await using (var scope = services.CreateAsyncScope())
        {
            created = await scope.ServiceProvider.GetRequiredService<TenantAdministration>().CreateAsync(
                new NewTenant("hashed", "Hashed"), CancellationToken.None);
        }

        await using var read = services.CreateAsyncScope();
        using var _ = read.ServiceProvider.GetRequiredService<ICurrentTenant>().Use("hashed");
        var row = await read.ServiceProvider.GetRequiredService<TenancyDbContext>().Tenants.SingleAsync();
        Assert.NotEqual(created.ApiKey, row.ApiKeyHash);
        Assert.DoesNotContain(created.ApiKey, row.ApiKeyHash, StringComparison.Ordinal);
        Assert.Equal(64, row.ApiKeyHash.Length);
    }

    [Fact]
    public async Task Creating_a_tenant_twice_is_refused_and_keeps_the_first()
    {
        await using var scope = services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<TenantAdministration>();
        await admin.CreateAsync(new NewTenant("twice", "First"), CancellationToken.None);

        var error = await Assert.ThrowsAsync<TenantValidationException>(() => admin.CreateAsync(new NewTenant("twice", "Second"), CancellationToken.None));

        Assert.Contains("tenantId", error.Errors.Keys);
        Assert.Equal("First", (await services.GetRequiredService<TenantDirectory>().FindByIdAsync("twice", CancellationToken.None))?.Name);
    }

    private void Configure(DbContextOptionsBuilder builder, string connectionString)
    {
        if (Provider == StorageProvider.Sqlite)
        {
            builder.UseSqlite(connectionString);
        }
        else
        {
            builder.UseNpgsql(connectionString);
        }
    }

    private async Task AddNoteAsync(string tenantId, int id, string text)
    {
        await using var scope = services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<NotesDbContext>();
        db.Notes.Add(new Note { Id = id, Text = text });
        await db.SaveChangesAsync();
    }

    private async Task<List<string>> TextsAsync(string tenantId)
    {
        await using var scope = services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(tenantId);
        return await scope.ServiceProvider.GetRequiredService<NotesDbContext>().Notes.OrderBy(n => n.Id).Select(n => n.Text).ToListAsync();
    }

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
