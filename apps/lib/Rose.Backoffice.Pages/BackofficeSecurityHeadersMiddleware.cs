using Microsoft.AspNetCore.Http;

namespace Rose.Backoffice.Pages;

/// <summary>
/// Headers on every backoffice response. The pages load one script (blazor.web.js) and one
/// stylesheet from this host and inline neither, so the policy allows no inline script or style;
/// <c>frame-ancestors 'none'</c> keeps the dashboard out of other sites' frames.
/// </summary>
public sealed class BackofficeSecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
