using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Rose.Storage;

/// <summary>Applies every module's pending migrations before the app starts serving.</summary>
public sealed class DatabaseMigrator(
    IServiceScopeFactory scopes,
    IEnumerable<ModuleDatabase> databases,
    IOptions<StorageOptions> options,
    ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStart)
        {
            return;
        }

        await MigrateAsync(cancellationToken);
    }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var first = true;
        foreach (var database in databases.DistinctBy(d => d.Module))
        {
            var context = database.Resolve(scope.ServiceProvider);
            if (first && context.Database.IsSqlite())
            {
                // WAL lets readers proceed while the outbox or a workflow writes.
                await context.Database.OpenConnectionAsync(cancellationToken);
                await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                await context.Database.CloseConnectionAsync();
            }

            first = false;
            await context.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Database of module {Module} is up to date ({Provider})", database.Module, options.Value.Provider);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal static void EnsureSqliteFolder(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
