using Microsoft.EntityFrameworkCore;

namespace Rose.Storage.Outbox;

/// <summary>The outbox context on SQLite, with its own migrations.</summary>
public sealed class OutboxSqliteDbContext(DbContextOptions<OutboxSqliteDbContext> options, ICurrentTenant currentTenant)
    : OutboxDbContext(options, currentTenant);

internal sealed class OutboxSqliteDesignTimeFactory()
    : DesignTimeContextFactory<OutboxSqliteDbContext>(StorageProvider.Sqlite, OutboxDbContext.Module);
