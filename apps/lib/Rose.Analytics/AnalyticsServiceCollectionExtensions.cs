using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rose.Analytics.Api;
using Microsoft.Extensions.Options;
using Rose.Analytics.Conversions;
using Rose.Analytics.Data;
using Rose.Analytics.Funnel;
using Rose.Analytics.PostHog;
using Rose.Storage.Secrets;
using Rose.Storage;
using Rose.Platform.Erasure;

namespace Rose.Analytics;

public static class AnalyticsServiceCollectionExtensions
{
    /// <summary>
    /// Widget events (impressions, opens, messages, clicks) and their daily counts, the widget's batches
    /// rate-limited per (tenant, visitor IP); conversions and the funnel; the optional PostHog forwarder
    /// (<c>Rose:Analytics:PostHog</c>). Conversions are attributed through Rose.Chat's records
    /// (<c>AddRoseChat</c> or <c>AddRoseChatRecords</c> in the host).
    /// </summary>
    public static IServiceCollection AddRoseAnalytics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRoseStorage(configuration);
        services.AddRoseTenantSecrets(configuration);
        services.AddRoseDbContext<AnalyticsDbContext, AnalyticsSqliteDbContext, AnalyticsPostgresDbContext>(AnalyticsDbContext.Module);
        services.AddTenantDataEraser<AnalyticsTenantErasure>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<WidgetEventCounts>();
        services.AddAnalyticsRateLimits(configuration);
        services.TryAddScoped<FunnelReport>();
        services.TryAddScoped<ConversionRecorder>();
        services.TryAddScoped<ConversionSigningSecrets>();
        services.AddOptions<PostHogOptions>()
            .Bind(configuration.GetSection(PostHogOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // PostHog is called directly (not through Dapr): an outside service at an operator-configured host.
        services.AddHttpClient(PostHogForwarder.HttpClientName, (sp, http) => http.Timeout = sp.GetRequiredService<IOptions<PostHogOptions>>().Value.Timeout);
        if (!services.Any(d => d.ServiceType == typeof(PostHogForwarder)))
        {
            services.AddSingleton<PostHogForwarder>();
            services.AddHostedService(sp => sp.GetRequiredService<PostHogForwarder>());
        }

        return services;
    }
}
