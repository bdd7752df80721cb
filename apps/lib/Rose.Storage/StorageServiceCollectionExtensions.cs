using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Rose.Storage.Outbox;

namespace Rose.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Relational storage (SQLite or PostgreSQL), the current tenant, migrations on start.</summary>
    public static IServiceCollection AddRoseStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .PostConfigure(options => options.ConnectionString = ResolveConnectionString(options, configuration))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddScoped<CurrentTenant>();
        services.TryAddScoped<ICurrentTenant>(sp => sp.GetRequiredService<CurrentTenant>());
        services.TryAddSingleton<DatabaseMigrator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, DatabaseMigrator>(
            sp => sp.GetRequiredService<DatabaseMigrator>()));
        services.TryAddSingleton<StagedEventsSignal>();
        services.TryAddSingleton<StagedEventsSaveInterceptor>();
        services.TryAddSingleton<StagedEventsCommitInterceptor>();
        if (!services.Any(d => d.ImplementationInstance is ModuleDatabase { Module: OutboxDbContext.Module }))
        {
            // Registered first, so that the outbox table exists before any module migrates or writes.
            services.AddRoseDbContext<OutboxDbContext, OutboxSqliteDbContext, OutboxPostgresDbContext>(OutboxDbContext.Module);
            services.TryAddScoped<OutboxRows>();
        }

        return services;
    }

    /// <summary>
    /// Registers a module's context: <typeparamref name="TContext"/> resolves to the SQLite or the
    /// PostgreSQL subclass (each with its own migrations) according to <c>Rose:Storage:Provider</c>.
    /// </summary>
    public static IServiceCollection AddRoseDbContext<TContext, TSqlite, TPostgres>(this IServiceCollection services, string module)
        where TContext : TenantScopedDbContext
        where TSqlite : TContext
        where TPostgres : TContext =>
        services.AddProviderDbContext<TContext, TSqlite, TPostgres>(module);

    /// <summary>
    /// Registers a context whose rows are not owned by one tenant, like <see cref="AddRoseDbContext{TContext, TSqlite, TPostgres}"/>
    /// otherwise (provider choice, migrations on start, health check). Only for data that spans
    /// tenants by nature: the backoffice's user accounts, since one person may belong to several
    /// tenants. Such a context must keep every tenant-owned row it holds filtered by tenant itself.
    /// </summary>
    public static IServiceCollection AddRoseAccountsDbContext<TContext, TSqlite, TPostgres>(this IServiceCollection services, string module)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgres : TContext =>
        services.AddProviderDbContext<TContext, TSqlite, TPostgres>(module);

    private static IServiceCollection AddProviderDbContext<TContext, TSqlite, TPostgres>(this IServiceCollection services, string module)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        services.AddDbContext<TSqlite>((sp, builder) =>
        {
            var connectionString = sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString!;
            DatabaseMigrator.EnsureSqliteFolder(connectionString);
            DbContextConfigurer.UseSqlite(builder, connectionString, module);
            AddStagedEventSignals(sp, builder);
        });
        services.AddDbContext<TPostgres>((sp, builder) =>
        {
            DbContextConfigurer.UsePostgreSql(builder, sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString!, module);
            AddStagedEventSignals(sp, builder);
        });
        services.AddScoped<TContext>(sp =>
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.Sqlite
                ? sp.GetRequiredService<TSqlite>()
                : sp.GetRequiredService<TPostgres>());
        services.AddSingleton(new ModuleDatabase(module, typeof(TContext)));
        services.AddHealthChecks().AddDbContextCheck<TContext>($"database-{module}");
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExceptionHandler, StorageUnavailableExceptionHandler>());
        return services;
    }

    private static void AddStagedEventSignals(IServiceProvider services, DbContextOptionsBuilder builder) =>
        builder.AddInterceptors(
            services.GetRequiredService<StagedEventsSaveInterceptor>(),
            services.GetRequiredService<StagedEventsCommitInterceptor>());

    private static string ResolveConnectionString(StorageOptions options, IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString;
        }

        if (options.Provider == StorageProvider.PostgreSql)
        {
            return configuration.GetConnectionString("rose") ?? string.Empty;
        }

        return $"Data Source={Path.Combine(RoseDataPath.Resolve(configuration), "rose.db")}";
    }
}
