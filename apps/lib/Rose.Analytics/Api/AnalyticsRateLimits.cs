using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rose.Platform.Limits;
using Rose.Tenancy.Http;

namespace Rose.Analytics.Api;

/// <summary>
/// The widget's event batches per (tenant, visitor IP), counted like the chat's limits (Redis when
/// <c>Rose:Limits:Redis</c> is set), so a script cannot fill a tenant's analytics table.
/// </summary>
public static class AnalyticsRateLimits
{
    public const string Events = "analytics-events";

    public static IServiceCollection AddAnalyticsRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRoseClusterLimits(configuration);
        services.AddOptions<AnalyticsRateLimitOptions>()
            .Bind(configuration.GetSection(AnalyticsRateLimitOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddRateLimiter(limiter => limiter.AddPolicy(Events, context =>
        {
            var permits = context.RequestServices.GetRequiredService<IOptions<AnalyticsRateLimitOptions>>().Value.EventBatchesPerMinutePerVisitor;
            return context.RequestServices.GetRequiredService<RateLimitPartitions>()
                .FixedWindow(context.TenantVisitorKey(Events), permits, TimeSpan.FromMinutes(1));
        }));
        return services;
    }
}
