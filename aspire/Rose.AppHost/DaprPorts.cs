namespace Rose.AppHost;

/// <summary>
/// Every port the Aspire Dapr shape listens on, chosen to collide with nothing: not with each other
/// (every daprd would otherwise bind metrics on 9090, and placement and scheduler both bind healthz
/// on 8080), and not with the defaults of a self-hosted Dapr on the same machine (dapr/cli
/// pkg/standalone: placement 50005, scheduler 50006, sentry 50001; daprd: HTTP 3500, metrics 9090;
/// placement raft 8201; scheduler's etcd 2379/2380).
/// </summary>
public static class DaprPorts
{
    /// <summary>The ports a self-hosted Dapr uses by default, which Rose's Aspire shape stays off.</summary>
    public static readonly IReadOnlySet<int> SelfHostedDefaults = new HashSet<int> { 3500, 50001, 50002, 50005, 50006, 6050, 6060, 9090, 8080, 8201, 2379, 2380, 7777 };

    /// <summary>Per app-id: daprd's HTTP API, gRPC API, internal gRPC (sidecar to sidecar) and metrics ports.</summary>
    public static readonly IReadOnlyDictionary<string, (int Http, int Grpc, int InternalGrpc, int Metrics)> Sidecars = new Dictionary<string, (int, int, int, int)>
    {
        ["gateway"] = (3510, 50110, 50120, 9110),
        ["search"] = (3511, 50111, 50121, 9111),
        ["admin"] = (3512, 50112, 50122, 9112),
        ["backoffice"] = (3513, 50113, 50123, 9113),
        ["worker"] = (3514, 50114, 50124, 9114),
    };

    public const int Placement = 50130;
    public const int PlacementHealthz = 50131;
    public const int PlacementRaft = 50132;
    public const int PlacementMetrics = 9120;

    public const int Scheduler = 50140;
    public const int SchedulerHealthz = 50141;
    public const int SchedulerEtcdClient = 50142;
    public const int SchedulerEtcdPeer = 50143;
    public const int SchedulerMetrics = 9121;
}
