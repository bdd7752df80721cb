using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Geo.Site.Data;

/// <summary>The GEO site context on Sqlite, with its own migrations.</summary>
public sealed class GeoSiteSqliteDbContext(DbContextOptions<GeoSiteSqliteDbContext> options, ICurrentTenant currentTenant)
    : GeoSiteDbContext(options, currentTenant);

internal sealed class GeoSiteSqliteDesignTimeFactory()
    : DesignTimeContextFactory<GeoSiteSqliteDbContext>(StorageProvider.Sqlite, GeoSiteDbContext.Module);
