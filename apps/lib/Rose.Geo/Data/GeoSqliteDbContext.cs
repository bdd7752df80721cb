using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Geo.Data;

/// <summary>The GEO context on Sqlite, with its own migrations.</summary>
public sealed class GeoSqliteDbContext(DbContextOptions<GeoSqliteDbContext> options, ICurrentTenant currentTenant)
    : GeoDbContext(options, currentTenant);

internal sealed class GeoSqliteDesignTimeFactory()
    : DesignTimeContextFactory<GeoSqliteDbContext>(StorageProvider.Sqlite, GeoDbContext.Module);
