using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Tenancy.Data;

/// <summary>The tenancy context on PostgreSQL, with its own migrations.</summary>
public sealed class TenancyPostgresDbContext(DbContextOptions<TenancyPostgresDbContext> options, ICurrentTenant currentTenant)
    : TenancyDbContext(options, currentTenant);

internal sealed class TenancyPostgresDesignTimeFactory()
    : DesignTimeContextFactory<TenancyPostgresDbContext>(StorageProvider.PostgreSql, TenancyDbContext.Module);
