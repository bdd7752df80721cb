using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Rose.Storage.Secrets;

/// <summary>The secret key ring on PostgreSQL, with its own migrations.</summary>
public sealed class SecretKeyRingPostgresDbContext(DbContextOptions<SecretKeyRingPostgresDbContext> options) : SecretKeyRingDbContext(options);

internal sealed class SecretKeyRingPostgresDesignTimeFactory : IDesignTimeDbContextFactory<SecretKeyRingPostgresDbContext>
{
    public SecretKeyRingPostgresDbContext CreateDbContext(string[] args) => new(
        (DbContextOptions<SecretKeyRingPostgresDbContext>)DbContextConfigurer.UsePostgreSql(
            new DbContextOptionsBuilder<SecretKeyRingPostgresDbContext>(), "Host=localhost;Database=rose", SecretKeyRingDbContext.Module).Options);
}
