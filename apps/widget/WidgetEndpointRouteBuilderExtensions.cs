using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Rose.Widget;

public static class WidgetEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves the embeddable widget at <c>GET /rose/widget.js</c> (its API is the sibling
    /// <c>/rose/v1/…</c>, so the gateway's <c>/rose</c> route carries both) and the demo page at
    /// <c>GET /demo</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapRoseWidget(this IEndpointRouteBuilder endpoints)
    {
        string[] getOrHead = [HttpMethods.Get, HttpMethods.Head];
        endpoints.MapMethods("/rose/widget.js", getOrHead, (HttpContext context) => WidgetAssets.Script.WriteAsync(context))
            .WithTags("Widget")
            .ExcludeFromDescription();
        endpoints.MapGet("/demo", DemoPage.WriteAsync).ExcludeFromDescription();
        endpoints.MapMethods("/demo/demo.css", getOrHead, (HttpContext context) => WidgetAssets.DemoStyles.WriteAsync(context))
            .ExcludeFromDescription();
        return endpoints;
    }
}
