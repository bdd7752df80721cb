using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Rose.Storage;

namespace Rose.Crm.HubSpot.Data;

/// <summary>The HubSpot directory on PostgreSQL, with its own migrations.</summary>
public sealed class HubSpotDirectoryPostgresDbContext(DbContextOptions<HubSpotDirectoryPostgresDbContext> options)
    : HubSpotDirectoryDbContext(options);

internal sealed class HubSpotDirectoryPostgresDesignTimeFactory : IDesignTimeDbContextFactory<HubSpotDirectoryPostgresDbContext>
{
    public HubSpotDirectoryPostgresDbContext CreateDbContext(string[] args) => new(
        (DbContextOptions<HubSpotDirectoryPostgresDbContext>)DbContextConfigurer.UsePostgreSql(
            new DbContextOptionsBuilder<HubSpotDirectoryPostgresDbContext>(), "Host=localhost;Database=rose", HubSpotDirectoryDbContext.Module).Options);
}
