using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Rose.Storage.Secrets;

/// <summary>The secret key ring on SQLite, with its own migrations.</summary>
public sealed class SecretKeyRingSqliteDbContext(DbContextOptions<SecretKeyRingSqliteDbContext> options) : SecretKeyRingDbContext(options);

internal sealed class SecretKeyRingSqliteDesignTimeFactory : IDesignTimeDbContextFactory<SecretKeyRingSqliteDbContext>
{
    public SecretKeyRingSqliteDbContext CreateDbContext(string[] args) => new(
        (DbContextOptions<SecretKeyRingSqliteDbContext>)DbContextConfigurer.UseSqlite(
            new DbContextOptionsBuilder<SecretKeyRingSqliteDbContext>(), "Data Source=design-time.db", SecretKeyRingDbContext.Module).Options);
}
