using Yarp.ReverseProxy.Configuration;

namespace Rose.Gateway;

/// <summary>
/// The edge's routing table: the widget API and assets to search, the management API to
/// backoffice, the staff API to admin. On Dapr every route goes to the gateway's own sidecar with
/// a <c>dapr-app-id</c> header, so the sidecar does discovery, mTLS and retries; elsewhere each
/// route goes straight to its app.
/// </summary>
public static class GatewayRoutes
{
    /// <summary>(route id, path pattern, app-id), most specific first.</summary>
    public static readonly IReadOnlyList<(string Id, string Path, string AppId)> Table =
    [
        ("widget-api", "/rose/{**rest}", "search"),
        ("demo-page", "/demo", "search"),
        ("management-api", "/api/{**rest}", "backoffice"),
        ("staff-api", "/admin/{**rest}", "admin"),
    ];

    /// <summary>The header daprd checks against its <c>DAPR_API_TOKEN</c> (dapr/dapr pkg/security/consts APITokenHeader).</summary>
    public const string DaprApiTokenHeader = "dapr-api-token";

    public static (IReadOnlyList<RouteConfig> Routes, IReadOnlyList<ClusterConfig> Clusters) Build(GatewayOptions options, string? daprHttpPort, string? daprApiToken = null)
    {
        if (!string.IsNullOrEmpty(daprHttpPort))
        {
            // A sidecar started with DAPR_API_TOKEN rejects every call without it; a visitor's own
            // dapr-api-token header never reaches the sidecar.
            var token = string.IsNullOrWhiteSpace(daprApiToken)
                ? new Dictionary<string, string> { ["RequestHeaderRemove"] = DaprApiTokenHeader }
                : new Dictionary<string, string> { ["RequestHeader"] = DaprApiTokenHeader, ["Set"] = daprApiToken };
            var sidecar = new ClusterConfig
            {
                ClusterId = "dapr-sidecar",
                Destinations = new Dictionary<string, DestinationConfig> { ["sidecar"] = new() { Address = $"http://127.0.0.1:{daprHttpPort}" } },
            };
            var routes = Table.Select(r => new RouteConfig
            {
                RouteId = r.Id,
                ClusterId = sidecar.ClusterId,
                Match = new RouteMatch { Path = r.Path },
                Transforms = [new Dictionary<string, string> { ["RequestHeader"] = "dapr-app-id", ["Set"] = r.AppId }, token],
            }).ToList();
            return (routes, [sidecar]);
        }

        var clusters = Table.Select(r => r.AppId).Distinct().Select(appId => new ClusterConfig
        {
            ClusterId = appId,
            Destinations = new Dictionary<string, DestinationConfig>
            {
                [appId] = new() { Address = options.Destinations.TryGetValue(appId, out var url) ? url : $"http://{appId}" },
            },
        }).ToList();
        var direct = Table.Select(r => new RouteConfig { RouteId = r.Id, ClusterId = r.AppId, Match = new RouteMatch { Path = r.Path } }).ToList();
        return (direct, clusters);
    }
}
