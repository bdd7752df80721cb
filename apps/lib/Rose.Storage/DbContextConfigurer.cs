using Microsoft.EntityFrameworkCore;

namespace Rose.Storage;

/// <summary>Applies the provider settings shared by runtime and design time, so migrations match what runs.</summary>
public static class DbContextConfigurer
{
    /// <summary>Each module keeps its own migrations history, so modules migrate independently.</summary>
    public static string HistoryTable(string module) => $"__migrations_{module}";

    public static DbContextOptionsBuilder UseSqlite(DbContextOptionsBuilder builder, string connectionString, string module) =>
        builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable(HistoryTable(module)))
            .AddInterceptors(SqliteBusyWaitInterceptor.Instance);

    public static DbContextOptionsBuilder UsePostgreSql(DbContextOptionsBuilder builder, string connectionString, string module) =>
        builder.UseNpgsql(connectionString, npgsql => npgsql
            .MigrationsHistoryTable(HistoryTable(module))
            .EnableRetryOnFailure(3));
}
