using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Rose.Gateway;

/// <summary>
/// The edge's routing table: the widget API and assets to search, the management API to
/// backoffice, the staff API to admin. On Dapr every route goes to the gateway's own sidecar with
/// a <c>dapr-app-id</c> header, so the sidecar does discovery, mTLS and retries; elsewhere each
/// route goes straight to its app.
/// <para>
/// The published GEO sites are read from search (in the blob binding's scope, and already the app for
/// public traffic): <c>/geo/{tenant}/…</c> as on the standalone host, and a tenant's verified custom
/// hostnames, which <see cref="CustomHostnameMiddleware"/> rewrites to <c>/geo-host/…</c>.
/// </para>
/// <para>
/// One route skips the sidecars even on Dapr: the widget's streamed answer (POST
/// <c>/rose/v1/conversations/{id}/messages</c>, server-sent events). daprd runs a whole invocation,
/// response streaming included, inside the target app's resiliency policy (dapr/dapr
/// pkg/api/http/directmessaging.go onDirectMessage: the copy of the response happens inside the policy
/// runner "because if we return, the context passed to Invoke is canceled"), so search's
/// <c>timeout: invocation</c> (30 s) would cut any answer that streams longer; and a body with a
/// Content-Length is not a "streaming request" there, so it is buffered for replay and
/// <c>invocationRetry</c> would post the visitor's message again after a failure before the first
/// byte (a second turn). Resiliency targets are per app, not per route, so rather than give up
/// timeouts and retries for every other widget call, this one non-idempotent, long-lived request goes
/// straight to search (<see cref="GatewayOptions.Destinations"/>).
/// </para>
/// <para>
/// The backoffice's pages (<c>/backoffice/*</c>) skip the sidecars too: Dapr service invocation
/// carries no WebSockets, and a Blazor circuit is one (as eShopOnDapr routes its SignalR hub). They go
/// straight to the backoffice service with cookie session affinity, so that a circuit's requests stay
/// on the replica that holds it.
/// </para>
/// </summary>
public static class GatewayRoutes
{
    /// <summary>The header daprd checks against its <c>DAPR_API_TOKEN</c> (dapr/dapr pkg/security/consts APITokenHeader).</summary>
    public const string DaprApiTokenHeader = "dapr-api-token";

    /// <summary>(route id, path pattern, app-id, HTTP methods or null for all, through the sidecar on Dapr), most specific first.</summary>
    public static readonly IReadOnlyList<(string Id, string Path, string AppId, string[]? Methods, bool ViaSidecar)> Table =
    [
        ("chat-stream", "/rose/v1/conversations/{id}/messages", "search", ["POST"], false),
        ("widget-api", "/rose/{**rest}", "search", null, true),
        ("demo-page", "/demo", "search", null, true),
        ("management-api", "/api/{**rest}", "backoffice", null, true),
        ("backoffice-pages", "/backoffice/{**rest}", "backoffice", null, false),
        ("integrations", "/integrations/{**rest}", "backoffice", null, true),
        ("staff-api", "/admin/{**rest}", "admin", null, true),
        ("geo-sites", "/geo/{**rest}", "search", ["GET", "HEAD"], true),
        ("geo-custom-host", CustomHostnameMiddleware.HostPathPrefix + "/{**rest}", "search", ["GET", "HEAD"], true),
        ("analytics-events", "/analytics/v1/events", "search", ["POST", "OPTIONS"], true),
        ("analytics-conversions", "/analytics/v1/conversions", "search", ["POST", "OPTIONS"], true),
    ];

    /// <summary>
    /// Routes whose path differs on the app. <c>/analytics/*</c> is the edge's name for the analytics
    /// module (Rose.Analytics, composed by search): the same endpoints as the widget API's
    /// <c>/rose/v1/events</c> and <c>/rose/v1/conversions</c>, so with the same key check, CORS and rate
    /// limits. The widget keeps posting to <c>/rose/v1/events</c>: the standalone host, which has no
    /// gateway, serves only that path.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> PathOnApp = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["analytics-events"] = "/rose/v1/events",
        ["analytics-conversions"] = "/rose/v1/conversions",
    };

    public static (IReadOnlyList<RouteConfig> Routes, IReadOnlyList<ClusterConfig> Clusters) Build(GatewayOptions options, string? daprHttpPort, string? daprApiToken = null)
    {
        var onDapr = !string.IsNullOrEmpty(daprHttpPort);
        var clusters = Table.Where(r => !onDapr || !r.ViaSidecar).Select(r => r.AppId).Distinct().Select(appId => new ClusterConfig
        {
            ClusterId = appId,
            Destinations = new Dictionary<string, DestinationConfig>
            {
                [appId] = new() { Address = options.Destinations.TryGetValue(appId, out var url) ? url : $"http://{appId}" },
            },
            HttpRequest = Forwarding(options),
            SessionAffinity = appId == BackofficeAppId ? BackofficeAffinity : null,
        }).ToList();
        var routes = new List<RouteConfig>();
        for (var i = 0; i < Table.Count; i++)
        {
            var (id, path, appId, methods, viaSidecar) = Table[i];
            // The table's order is the match order (YARP takes the lowest Order first).
            var route = new RouteConfig { RouteId = id, Order = i, ClusterId = appId, Match = new RouteMatch { Path = path, Methods = methods } };
            route = onDapr && viaSidecar
                ? ThroughSidecar(route, appId, daprApiToken)
                : route with { Transforms = [new Dictionary<string, string> { ["RequestHeaderRemove"] = DaprApiTokenHeader }] };
            routes.Add(PathOnApp.TryGetValue(id, out var pathOnApp)
                ? route with { Transforms = [.. route.Transforms!, new Dictionary<string, string> { ["PathSet"] = pathOnApp }] }
                : route);
        }

        if (onDapr)
        {
            clusters.Add(new ClusterConfig
            {
                ClusterId = SidecarClusterId,
                Destinations = new Dictionary<string, DestinationConfig> { ["sidecar"] = new() { Address = $"http://127.0.0.1:{daprHttpPort}" } },
                HttpRequest = Forwarding(options),
            });
        }

        return (routes, clusters);
    }

    private const string SidecarClusterId = "dapr-sidecar";

    // Responses are passed on as they arrive (server-sent events), never buffered.
    private static ForwarderRequestConfig Forwarding(GatewayOptions options) =>
        new() { ActivityTimeout = options.ActivityTimeout, AllowResponseBuffering = false };

    private const string BackofficeAppId = "backoffice";

    /// <summary>The cookie that keeps a browser on one backoffice replica (its Blazor circuit lives there).</summary>
    public const string BackofficeAffinityCookie = "rose-backoffice-affinity";

    private static readonly SessionAffinityConfig BackofficeAffinity = new()
    {
        Enabled = true,
        Policy = "HashCookie",
        AffinityKeyName = BackofficeAffinityCookie,
        Cookie = new SessionAffinityCookieConfig { Path = "/backoffice", HttpOnly = true, SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax },
    };

    private static RouteConfig ThroughSidecar(RouteConfig route, string appId, string? daprApiToken)
    {
        // A sidecar started with DAPR_API_TOKEN rejects every call without it; a visitor's own
        // dapr-api-token header never reaches the sidecar.
        var token = string.IsNullOrWhiteSpace(daprApiToken)
            ? new Dictionary<string, string> { ["RequestHeaderRemove"] = DaprApiTokenHeader }
            : new Dictionary<string, string> { ["RequestHeader"] = DaprApiTokenHeader, ["Set"] = daprApiToken };
        return route with
        {
            ClusterId = SidecarClusterId,
            Transforms = [new Dictionary<string, string> { ["RequestHeader"] = "dapr-app-id", ["Set"] = appId }, token],
        };
    }
}
