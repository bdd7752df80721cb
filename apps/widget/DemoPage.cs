using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Rose.Tenancy;

namespace Rose.Widget;

/// <summary>
/// <c>GET /demo</c>: a page about Rose that embeds the widget with the demo tenant's public key.
/// The key is looked up per request because the operator may change it (Rose:Demo:PublicKey).
/// </summary>
public static class DemoPage
{
    /// <summary>The demo tenant's id, as the standalone host seeds it.</summary>
    public const string DemoTenantId = "demo";

    /// <summary>Only this origin: the page, its stylesheet, the widget and its API calls are all served here.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'; object-src 'none'";

    public static async Task WriteAsync(HttpContext context)
    {
        var directory = context.RequestServices.GetService<TenantDirectory>();
        var demo = directory is null ? null : await directory.FindByIdAsync(DemoTenantId, context.RequestAborted);
        if (demo is null)
        {
            await Results.Problem(
                    statusCode: StatusCodes.Status404NotFound,
                    title: "No demo tenant",
                    detail: "This host has no demo tenant; the standalone host seeds one when Rose:Demo:Enabled is true.")
                .ExecuteAsync(context);
            return;
        }

        var html = WidgetAssets.DemoPageTemplate.Replace(
            "{{PUBLIC_KEY}}", HtmlEncoder.Default.Encode(demo.PublicKey), StringComparison.Ordinal);
        var response = context.Response;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        await response.WriteAsync(html, Encoding.UTF8, context.RequestAborted);
    }
}
