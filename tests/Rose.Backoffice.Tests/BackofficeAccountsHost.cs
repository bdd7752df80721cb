using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rose.Backoffice.Pages;
using Rose.Chat;
using Rose.Storage;
using Rose.Tenancy;

namespace Rose.Backoffice.Tests;

/// <summary>A host with the accounts module registered as the apps do, on one database.</summary>
internal static class BackofficeAccountsHost
{
    /// <summary>Builds the host and applies the migrations, as on start.</summary>
    public static async Task<WebApplication> StartAsync(StorageProvider provider, string connectionString, TimeProvider? clock = null)
    {
        var app = Build(provider, connectionString, [], clock);
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return app;
    }

    /// <summary>Builds the host with these extra settings; nothing is migrated or started yet.</summary>
    public static WebApplication Build(StorageProvider provider, string connectionString, Dictionary<string, string?> settings, TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Rose:Storage:Provider"] = provider.ToString();
        builder.Configuration["Rose:Storage:ConnectionString"] = connectionString;
        builder.Configuration["Rose:DataPath"] = Path.GetTempPath();
        builder.Configuration.AddInMemoryCollection(settings);
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        builder.Services.AddRoseTenancy(builder.Configuration);
        builder.Services.AddRoseChatRecords();
        builder.AddRoseBackoffice();
        return builder.Build();
    }
}
