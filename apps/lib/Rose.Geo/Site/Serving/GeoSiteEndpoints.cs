using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rose.Geo.Site.Hostnames;
using Rose.Storage;

namespace Rose.Geo.Site.Serving;

/// <summary>
/// The published sites, read-only and public: <c>/geo/{tenant}/{path}</c>, and <c>/geo-host/{path}</c> for a
/// verified custom hostname (the gateway sends every request of such a host there, naming the host in
/// <see cref="SiteHostHeader"/>; without it the request's own Host is used).
/// </summary>
public static class GeoSiteEndpoints
{
    /// <summary>Set by the gateway to the Host the visitor asked for; daprd's invocation does not keep the Host header.</summary>
    public const string SiteHostHeader = "X-Rose-Site-Host";

    public const string HostPathPrefix = "/geo-host";

    internal static IEndpointRouteBuilder MapGeoSites(this IEndpointRouteBuilder routes)
    {
        var sites = routes.MapGroup("").WithTags("GEO sites");
        sites.MapMethods("/geo/{tenantId}/{**path}", [HttpMethods.Get, HttpMethods.Head], ServeByTenantAsync)
            .WithName("GetGeoSiteFile")
            .WithSummary("A file of a tenant's published GEO site")
            .WithDescription("The index (empty path), a page by slug, its Markdown twin (slug.md), sitemap.xml, robots.txt, llms.txt or the IndexNow key file. ETag and If-None-Match (304).");
        sites.MapMethods(HostPathPrefix + "/{**path}", [HttpMethods.Get, HttpMethods.Head], ServeByHostAsync)
            .WithName("GetGeoSiteFileByHost")
            .WithSummary("A file of the GEO site of a verified custom hostname")
            .WithDescription("Used by the gateway for custom hostnames: the host comes from X-Rose-Site-Host, else Host. Unverified hostnames get 404.");
        return routes;
    }

    private static async Task<IResult> ServeByTenantAsync(string tenantId, string? path, HttpContext http, CancellationToken ct) =>
        TenantIds.IsValid(tenantId) ? await ServeAsync(tenantId, path, http, ct) : TypedResults.NotFound();

    private static async Task<IResult> ServeByHostAsync(string? path, HttpContext http, HostnameDirectory hostnames, CancellationToken ct)
    {
        string? host = http.Request.Headers[SiteHostHeader];
        if (string.IsNullOrWhiteSpace(host))
        {
            host = http.Request.Host.Host;
        }

        var tenantId = await hostnames.FindTenantAsync(host, ct);
        return tenantId is null ? TypedResults.NotFound() : await ServeAsync(tenantId, path, http, ct);
    }

    private static async Task<IResult> ServeAsync(string tenantId, string? path, HttpContext http, CancellationToken ct)
    {
        var reader = http.RequestServices.GetRequiredService<GeoSiteReader>();
        var options = http.RequestServices.GetRequiredService<IOptions<GeoSiteOptions>>().Value;
        var file = await reader.ReadAsync(tenantId, (path ?? string.Empty).Trim('/'), http.Request.Headers.IfNoneMatch, ct);
        if (file is null)
        {
            return TypedResults.NotFound();
        }

        var headers = http.Response.Headers;
        headers.ETag = file.ETag;
        headers.CacheControl = $"public, max-age={((int)options.CacheFor.TotalSeconds).ToString(CultureInfo.InvariantCulture)}";
        headers.XContentTypeOptions = "nosniff";
        // No script runs on these pages (the JSON-LD block is data, not script): say so to the browser too.
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        if (file.Content is null)
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return HttpMethods.IsHead(http.Request.Method)
            ? TypedResults.Ok()
            : TypedResults.Bytes(file.Content, file.ContentType);
    }
}
