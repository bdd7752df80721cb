using System.Net;
using Microsoft.Extensions.Options;

namespace Rose.Gateway;

/// <summary>
/// Sends a tenant's custom hostname to its GEO site: a request whose Host is not one of Rose's own
/// (<see cref="GatewayOptions.PublicHosts"/>), not an IP address (probes, pod-to-pod) and not localhost is
/// rewritten to <c>/geo-host/{path}</c> with the host in <see cref="SiteHostHeader"/>, which the
/// <c>geo-custom-host</c> route takes to search (Rose.Geo's <c>GeoSiteEndpoints</c>; search answers 404 for
/// a host that is not verified). The header is needed because Dapr invocation does not carry the visitor's
/// Host. Runs before routing, so the rewritten path is what YARP matches. Without <c>PublicHosts</c> every
/// host is Rose's own and no request is rewritten.
/// </summary>
public sealed class CustomHostnameMiddleware(RequestDelegate next, IOptions<GatewayOptions> options)
{
    /// <summary>The same name as Rose.Geo's <c>GeoSiteEndpoints.SiteHostHeader</c>.</summary>
    public const string SiteHostHeader = "X-Rose-Site-Host";

    /// <summary>The same prefix as Rose.Geo's <c>GeoSiteEndpoints.HostPathPrefix</c>.</summary>
    public const string HostPathPrefix = "/geo-host";

    public Task InvokeAsync(HttpContext context)
    {
        // Only this middleware names a site host: a visitor's own header never reaches search.
        context.Request.Headers.Remove(SiteHostHeader);
        var host = context.Request.Host.Host;
        if (IsCustom(host, options.Value))
        {
            context.Request.Headers[SiteHostHeader] = host;
            context.Request.Path = new PathString(HostPathPrefix).Add(context.Request.Path);
        }
        else if (context.Request.Path.StartsWithSegments(HostPathPrefix, StringComparison.OrdinalIgnoreCase))
        {
            // On Rose's own host the custom-host path does not exist.
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return next(context);
    }

    private static bool IsCustom(string host, GatewayOptions options) =>
        options.PublicHosts.Count > 0
        && host.Length > 0
        && !IPAddress.TryParse(host, out _)
        && !string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        && !options.PublicHosts.Contains(host, StringComparer.OrdinalIgnoreCase);
}
