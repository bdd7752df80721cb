using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Rose.Storage;

namespace Rose.Backoffice.Pages.Accounts;

/// <summary>The accounts context on PostgreSQL, with its own migrations.</summary>
public sealed class BackofficeAccountsPostgresDbContext(DbContextOptions<BackofficeAccountsPostgresDbContext> options)
    : BackofficeAccountsDbContext(options);

internal sealed class BackofficeAccountsPostgresDesignTimeFactory : IDesignTimeDbContextFactory<BackofficeAccountsPostgresDbContext>
{
    public BackofficeAccountsPostgresDbContext CreateDbContext(string[] args) => new(
        (DbContextOptions<BackofficeAccountsPostgresDbContext>)DbContextConfigurer.UsePostgreSql(
            new DbContextOptionsBuilder<BackofficeAccountsPostgresDbContext>(), "Host=localhost;Database=rose", BackofficeAccountsDbContext.Module).Options);
}
