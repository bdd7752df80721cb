using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rose.Analytics.Api;
using Rose.Analytics.Data;
using Rose.Storage;

namespace Rose.Analytics;

public static class AnalyticsServiceCollectionExtensions
{
    /// <summary>Widget events (impressions, opens, messages, clicks) and their daily counts; the widget's batches rate-limited per (tenant, visitor IP).</summary>
    public static IServiceCollection AddRoseAnalytics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRoseStorage(configuration);
        services.AddRoseDbContext<AnalyticsDbContext, AnalyticsSqliteDbContext, AnalyticsPostgresDbContext>(AnalyticsDbContext.Module);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<WidgetEventCounts>();
        services.AddAnalyticsRateLimits(configuration);
        return services;
    }
}
