using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Geo.Data;

/// <summary>The GEO context on Postgres, with its own migrations.</summary>
public sealed class GeoPostgresDbContext(DbContextOptions<GeoPostgresDbContext> options, ICurrentTenant currentTenant)
    : GeoDbContext(options, currentTenant);

internal sealed class GeoPostgresDesignTimeFactory()
    : DesignTimeContextFactory<GeoPostgresDbContext>(StorageProvider.PostgreSql, GeoDbContext.Module);
