using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Crm.HubSpot.Data;

/// <summary>The HubSpot context on SQLite, with its own migrations.</summary>
public sealed class HubSpotSqliteDbContext(DbContextOptions<HubSpotSqliteDbContext> options, ICurrentTenant currentTenant)
    : HubSpotDbContext(options, currentTenant);

internal sealed class HubSpotSqliteDesignTimeFactory()
    : DesignTimeContextFactory<HubSpotSqliteDbContext>(StorageProvider.Sqlite, HubSpotDbContext.Module);
