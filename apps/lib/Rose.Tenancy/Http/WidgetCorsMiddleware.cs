using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Rose.Tenancy.Http;

/// <summary>
/// CORS for the widget API (<c>/rose/*</c>), which client sites call from their own origin. A
/// preflight carries no widget key, so it is answered for any origin; the request that follows is
/// held to the tenant's allowed origins by <see cref="TenantResolutionMiddleware"/> (403 otherwise).
/// No credentials are ever allowed: the widget authenticates with headers, not cookies.
/// </summary>
public sealed class WidgetCorsMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        string? origin = context.Request.Headers[HeaderNames.Origin];
        if (string.IsNullOrEmpty(origin) || !context.Request.Path.StartsWithSegments("/rose"))
        {
            return next(context);
        }

        var headers = context.Response.Headers;
        headers.AccessControlAllowOrigin = origin;
        headers.Vary = HeaderNames.Origin;
        if (HttpMethods.IsOptions(context.Request.Method) && context.Request.Headers.ContainsKey(HeaderNames.AccessControlRequestMethod))
        {
            headers.AccessControlAllowMethods = "GET, POST";
            headers.AccessControlAllowHeaders = $"{TenantResolutionMiddleware.PublicKeyHeader}, Authorization, Content-Type";
            headers.AccessControlMaxAge = "600";
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }

        headers.AccessControlExposeHeaders = "Retry-After";
        return next(context);
    }
}
