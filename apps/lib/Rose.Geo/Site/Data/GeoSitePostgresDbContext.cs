using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Geo.Site.Data;

/// <summary>The GEO site context on Postgres, with its own migrations.</summary>
public sealed class GeoSitePostgresDbContext(DbContextOptions<GeoSitePostgresDbContext> options, ICurrentTenant currentTenant)
    : GeoSiteDbContext(options, currentTenant);

internal sealed class GeoSitePostgresDesignTimeFactory()
    : DesignTimeContextFactory<GeoSitePostgresDbContext>(StorageProvider.PostgreSql, GeoSiteDbContext.Module);
