using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Rose.Storage;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build a module's provider-specific context without a host.
/// Derive one sealed factory per provider-specific context.
/// </summary>
public abstract class DesignTimeContextFactory<TContext>(StorageProvider provider, string module)
    : IDesignTimeDbContextFactory<TContext> where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        if (provider == StorageProvider.Sqlite)
        {
            DbContextConfigurer.UseSqlite(builder, "Data Source=design-time.db", module);
        }
        else
        {
            DbContextConfigurer.UsePostgreSql(builder, "Host=localhost;Database=rose", module);
        }

        return (TContext)Activator.CreateInstance(typeof(TContext), builder.Options, new CurrentTenant())!;
    }
}
