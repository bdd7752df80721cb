using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Analytics.Data;

/// <summary>The analytics context on Sqlite, with its own migrations.</summary>
public sealed class AnalyticsSqliteDbContext(DbContextOptions<AnalyticsSqliteDbContext> options, ICurrentTenant currentTenant)
    : AnalyticsDbContext(options, currentTenant);

internal sealed class AnalyticsSqliteDesignTimeFactory()
    : DesignTimeContextFactory<AnalyticsSqliteDbContext>(StorageProvider.Sqlite, AnalyticsDbContext.Module);
