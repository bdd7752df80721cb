using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Crm.Linear.Data;

/// <summary>The Linear context on SQLite, with its own migrations.</summary>
public sealed class LinearSqliteDbContext(DbContextOptions<LinearSqliteDbContext> options, ICurrentTenant currentTenant)
    : LinearDbContext(options, currentTenant);

internal sealed class LinearSqliteDesignTimeFactory()
    : DesignTimeContextFactory<LinearSqliteDbContext>(StorageProvider.Sqlite, LinearDbContext.Module);
