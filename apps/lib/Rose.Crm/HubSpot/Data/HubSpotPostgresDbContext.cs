using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Crm.HubSpot.Data;

/// <summary>The HubSpot context on PostgreSQL, with its own migrations.</summary>
public sealed class HubSpotPostgresDbContext(DbContextOptions<HubSpotPostgresDbContext> options, ICurrentTenant currentTenant)
    : HubSpotDbContext(options, currentTenant);

internal sealed class HubSpotPostgresDesignTimeFactory()
    : DesignTimeContextFactory<HubSpotPostgresDbContext>(StorageProvider.PostgreSql, HubSpotDbContext.Module);
