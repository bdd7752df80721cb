using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Platform.Dapr.DeadLetters;

/// <summary>The dead-letter context on SQLite, with its own migrations.</summary>
public sealed class DeadLetterSqliteDbContext(DbContextOptions<DeadLetterSqliteDbContext> options, ICurrentTenant currentTenant)
    : DeadLetterDbContext(options, currentTenant);

internal sealed class DeadLetterSqliteDesignTimeFactory()
    : DesignTimeContextFactory<DeadLetterSqliteDbContext>(StorageProvider.Sqlite, DeadLetterDbContext.Module);
