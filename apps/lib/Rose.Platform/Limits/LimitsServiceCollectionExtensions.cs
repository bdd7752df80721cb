using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Rose.Platform.Limits;

public static class LimitsServiceCollectionExtensions
{
    /// <summary>
    /// Rate-limit partitions, concurrency slots and quota counters counted in <c>Rose:Limits:Redis</c>
    /// when it is set (every replica shares them), else in this process; and the rate limiter's refusal
    /// as a 429 problem with <c>Retry-After</c>. Safe to call from every module that limits.
    /// </summary>
    public static IServiceCollection AddRoseClusterLimits(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(RateLimitPartitions)))
        {
            return services;
        }

        services.AddOptions<ClusterLimitsOptions>()
            .Bind(configuration.GetSection(ClusterLimitsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var onDapr = string.Equals(configuration[PlatformOptions.RuntimeKey], nameof(PlatformRuntime.Dapr), StringComparison.OrdinalIgnoreCase);
        services.AddSingleton<IValidateOptions<ClusterLimitsOptions>>(sp => new ClusterLimitsOptionsValidator(onDapr, sp));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LimitsRedis>();
        services.TryAddSingleton<RateLimitPartitions>();
        services.TryAddSingleton<InProcessConcurrencySlots>();
        services.TryAddSingleton<RedisConcurrencySlots>();
        services.TryAddSingleton<IConcurrencySlots>(sp => sp.GetRequiredService<IOptions<ClusterLimitsOptions>>().Value.UsesRedis
            ? sp.GetRequiredService<RedisConcurrencySlots>()
            : sp.GetRequiredService<InProcessConcurrencySlots>());
        services.TryAddSingleton<InProcessQuotaCounter>();
        services.TryAddSingleton<RedisQuotaCounter>();
        services.TryAddSingleton<FailOpenQuotaCounter>();
        services.TryAddSingleton<IQuotaCounter>(sp => sp.GetRequiredService<IOptions<ClusterLimitsOptions>>().Value.UsesRedis
            ? sp.GetRequiredService<FailOpenQuotaCounter>()
            : sp.GetRequiredService<InProcessQuotaCounter>());
        services.AddRateLimiter(limiter => limiter.OnRejected = WriteTooManyRequestsAsync);
        return services;
    }

    private static async ValueTask WriteTooManyRequestsAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(RetryAfter(rejected.Lease).TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = "Please wait a moment before trying again.",
            },
        });
    }

    /// <summary>The in-process limiters say it as a TimeSpan, RedisRateLimiting as whole seconds under its own name.</summary>
    private static TimeSpan RetryAfter(RateLimitLease lease)
    {
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var wait))
        {
            return wait;
        }

        return lease.TryGetMetadata(RedisRateLimiting.RateLimitMetadataName.RetryAfter, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromMinutes(1);
    }
}
