using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rose.Storage;
using Rose.Tenancy.Data;
using Rose.Tenancy.Http;
using Rose.Platform.Erasure;

namespace Rose.Tenancy;

public static class TenancyServiceCollectionExtensions
{
    /// <summary>Tenants, their keys and settings, and the caller resolution for every endpoint.</summary>
    public static IServiceCollection AddRoseTenancy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRoseStorage(configuration);
        services.AddRoseDbContext<TenancyDbContext, TenancySqliteDbContext, TenancyPostgresDbContext>(TenancyDbContext.Module);
        services.AddOptions<StaffAccessOptions>()
            .Bind(configuration.GetSection(StaffAccessOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TenantDirectory>();
        services.TryAddScoped<TenantAdministration>();
        services.AddTenantDataEraser<TenancyDirectoryTenantErasure>();
        services.AddTenantDataEraser<TenancyTenantErasure>();
        return services;
    }

    /// <summary>Answers the widget API's CORS, then resolves widget, management and staff callers; place it before the endpoints run.</summary>
    public static IApplicationBuilder UseRoseTenancy(this IApplicationBuilder app) =>
        app.UseMiddleware<WidgetCorsMiddleware>().UseMiddleware<TenantResolutionMiddleware>();
}
