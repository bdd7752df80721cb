using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Rose.Platform.PubSub;
using Rose.Storage;

namespace Rose.Platform.Tests.Support;

/// <summary>
/// One "replica": the platform over a given database (SQLite file or PostgreSQL), with the orders
/// module and a recording transport. Building two over one database is two replicas; disposing one
/// before draining is a process that died after its commit.
/// </summary>
public static class OutboxDatabase
{
    public static async Task<ServiceProvider> StartAsync(StorageProvider provider, string connectionString, RecordingTransport transport)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rose:Runtime"] = "Embedded",
            ["Rose:DataPath"] = Path.GetTempPath(),
            ["Rose:Storage:Provider"] = provider.ToString(),
            ["Rose:Storage:ConnectionString"] = connectionString,
            ["Rose:Platform:Outbox:InitialBackoff"] = "00:00:00.010",
            ["Rose:Platform:Outbox:MaxBackoff"] = "00:00:00.040",
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddRosePlatform(configuration);
        services.Replace(ServiceDescriptor.Singleton<IOutboxTransport>(transport));
        services.AddDbContext<OrdersDbContext>((sp, builder) =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            _ = provider == StorageProvider.Sqlite
                ? DbContextConfigurer.UseSqlite(builder, storage.ConnectionString!, "orders")
                : DbContextConfigurer.UsePostgreSql(builder, storage.ConnectionString!, "orders");
        });
        var built = services.BuildServiceProvider();
        await built.GetRequiredService<DatabaseMigrator>().MigrateAsync(default);
        await using var scope = built.CreateAsyncScope();
        var orders = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        var creator = orders.GetService<IRelationalDatabaseCreator>();
        if (!await orders.Database.SqlQueryRaw<int>(ExistsSql(provider)).AnyAsync())
        {
            // The module's own table; the outbox table is excluded from its schema and left alone.
            await creator.CreateTablesAsync();
        }

        return built;
    }

    private static string ExistsSql(StorageProvider provider) => provider == StorageProvider.Sqlite
        ? "SELECT 1 AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = 'test_orders'"
        : "SELECT 1 AS \"Value\" FROM information_schema.tables WHERE table_name = 'test_orders'";
}
