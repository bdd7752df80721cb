namespace Rose.AppHost;

/// <summary>
/// Placement (actor placement: the conversation turn actor) and scheduler (workflow timers and
/// reminders, jobs) from the same Dapr install as daprd, as executables with their own ports.
/// Without them daprd starts, but actors and workflows never get going.
/// Flags follow dapr/dapr cmd/placement/options and cmd/scheduler/options.
/// </summary>
public sealed record DaprControlPlane(IResourceBuilder<ExecutableResource> Placement, IResourceBuilder<ExecutableResource> Scheduler)
{
    public static string PlacementAddress => "127.0.0.1:" + DaprPorts.Placement;

    public static string SchedulerAddress => "127.0.0.1:" + DaprPorts.Scheduler;

    public static DaprControlPlane Add(IDistributedApplicationBuilder builder, string daprd, string dataFolder)
    {
        var bin = Path.GetDirectoryName(daprd) ?? ".";
        var placement = builder.AddExecutable("dapr-placement", Path.Combine(bin, "placement"), bin,
                "--port", DaprPorts.Placement.ToString(),
                "--healthz-port", DaprPorts.PlacementHealthz.ToString(),
                "--metrics-port", DaprPorts.PlacementMetrics.ToString(),
                "--initial-cluster", "dapr-placement-0=127.0.0.1:" + DaprPorts.PlacementRaft,
                "--listen-address", "127.0.0.1")
            .WithHealthCheck(TcpHealthCheck.Register(builder, "placement-accepts-connections", DaprPorts.Placement));
        var scheduler = builder.AddExecutable("dapr-scheduler", Path.Combine(bin, "scheduler"), bin,
                "--port", DaprPorts.Scheduler.ToString(),
                "--healthz-port", DaprPorts.SchedulerHealthz.ToString(),
                "--metrics-port", DaprPorts.SchedulerMetrics.ToString(),
                "--listen-address", "127.0.0.1",
                "--etcd-data-dir", Path.Combine(dataFolder, "scheduler-etcd"),
                "--etcd-client-port", DaprPorts.SchedulerEtcdClient.ToString(),
                "--etcd-initial-cluster", "dapr-scheduler-server-0=http://127.0.0.1:" + DaprPorts.SchedulerEtcdPeer)
            .WithHealthCheck(TcpHealthCheck.Register(builder, "scheduler-accepts-connections", DaprPorts.Scheduler));
        return new DaprControlPlane(placement, scheduler);
    }
}
