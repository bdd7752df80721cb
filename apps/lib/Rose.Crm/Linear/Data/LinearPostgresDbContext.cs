using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Crm.Linear.Data;

/// <summary>The Linear context on PostgreSQL, with its own migrations.</summary>
public sealed class LinearPostgresDbContext(DbContextOptions<LinearPostgresDbContext> options, ICurrentTenant currentTenant)
    : LinearDbContext(options, currentTenant);

internal sealed class LinearPostgresDesignTimeFactory()
    : DesignTimeContextFactory<LinearPostgresDbContext>(StorageProvider.PostgreSql, LinearDbContext.Module);
