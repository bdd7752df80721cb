using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Rose.Storage;

namespace Rose.Backoffice.Pages.Accounts;

/// <summary>The accounts context on SQLite, with its own migrations.</summary>
public sealed class BackofficeAccountsSqliteDbContext(DbContextOptions<BackofficeAccountsSqliteDbContext> options)
    : BackofficeAccountsDbContext(options);

internal sealed class BackofficeAccountsSqliteDesignTimeFactory : IDesignTimeDbContextFactory<BackofficeAccountsSqliteDbContext>
{
    public BackofficeAccountsSqliteDbContext CreateDbContext(string[] args) => new(
        (DbContextOptions<BackofficeAccountsSqliteDbContext>)DbContextConfigurer.UseSqlite(
            new DbContextOptionsBuilder<BackofficeAccountsSqliteDbContext>(), "Data Source=design-time.db", BackofficeAccountsDbContext.Module).Options);
}
