using Microsoft.EntityFrameworkCore;

namespace Rose.Storage.Outbox;

/// <summary>The outbox context on PostgreSQL, with its own migrations.</summary>
public sealed class OutboxPostgresDbContext(DbContextOptions<OutboxPostgresDbContext> options, ICurrentTenant currentTenant)
    : OutboxDbContext(options, currentTenant);

internal sealed class OutboxPostgresDesignTimeFactory()
    : DesignTimeContextFactory<OutboxPostgresDbContext>(StorageProvider.PostgreSql, OutboxDbContext.Module);
