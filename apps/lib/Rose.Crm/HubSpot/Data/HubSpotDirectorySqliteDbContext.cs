using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Rose.Storage;

namespace Rose.Crm.HubSpot.Data;

/// <summary>The HubSpot directory on SQLite, with its own migrations.</summary>
public sealed class HubSpotDirectorySqliteDbContext(DbContextOptions<HubSpotDirectorySqliteDbContext> options)
    : HubSpotDirectoryDbContext(options);

internal sealed class HubSpotDirectorySqliteDesignTimeFactory : IDesignTimeDbContextFactory<HubSpotDirectorySqliteDbContext>
{
    public HubSpotDirectorySqliteDbContext CreateDbContext(string[] args) => new(
        (DbContextOptions<HubSpotDirectorySqliteDbContext>)DbContextConfigurer.UseSqlite(
            new DbContextOptionsBuilder<HubSpotDirectorySqliteDbContext>(), "Data Source=design-time.db", HubSpotDirectoryDbContext.Module).Options);
}
