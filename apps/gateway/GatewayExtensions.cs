using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Rose.Gateway.Monitoring;

namespace Rose.Gateway;

public static class GatewayExtensions
{
    public const string ClientRateLimit = "per-client";

    /// <summary>The reverse proxy with Rose's routes, service discovery, and a per-client rate limit.</summary>
    public static IServiceCollection AddRoseGateway(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(GatewayOptions.SectionName).Get<GatewayOptions>() ?? new GatewayOptions();
        services.AddOptions<GatewayOptions>().Bind(configuration.GetSection(GatewayOptions.SectionName));
        var (routes, clusters) = GatewayRoutes.Build(options, configuration["DAPR_HTTP_PORT"], configuration["DAPR_API_TOKEN"]);
        services.AddReverseProxy().LoadFromMemory(routes, clusters).AddServiceDiscoveryDestinationResolver();
        services.AddSentryTunnel(configuration);
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(ClientRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.RequestsPerMinutePerClient, Window = TimeSpan.FromMinutes(1) }));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var http = rejected.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails { Status = 429, Title = "Too many requests", Detail = "Slow down and try again shortly." },
                });
            };
        });
        return services;
    }

    public static WebApplication MapRoseGateway(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        // Before routing: a custom hostname's request is rewritten to the GEO site's path, which YARP then matches.
        app.UseMiddleware<CustomHostnameMiddleware>();
        app.UseRouting();
        app.UseRateLimiter();
        app.MapSentryTunnel().RequireRateLimiting(ClientRateLimit);
        app.MapReverseProxy().RequireRateLimiting(ClientRateLimit);
        return app;
    }
}
