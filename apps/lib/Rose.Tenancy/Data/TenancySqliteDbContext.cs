using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Tenancy.Data;

/// <summary>The tenancy context on SQLite, with its own migrations.</summary>
public sealed class TenancySqliteDbContext(DbContextOptions<TenancySqliteDbContext> options, ICurrentTenant currentTenant)
    : TenancyDbContext(options, currentTenant);

internal sealed class TenancySqliteDesignTimeFactory()
    : DesignTimeContextFactory<TenancySqliteDbContext>(StorageProvider.Sqlite, TenancyDbContext.Module);
