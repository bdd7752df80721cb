using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Analytics.Data;

/// <summary>The analytics context on Postgres, with its own migrations.</summary>
public sealed class AnalyticsPostgresDbContext(DbContextOptions<AnalyticsPostgresDbContext> options, ICurrentTenant currentTenant)
    : AnalyticsDbContext(options, currentTenant);

internal sealed class AnalyticsPostgresDesignTimeFactory()
    : DesignTimeContextFactory<AnalyticsPostgresDbContext>(StorageProvider.PostgreSql, AnalyticsDbContext.Module);
