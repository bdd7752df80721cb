namespace Rose.AppHost;

/// <summary>
/// The production shape: every app a project resource with its own daprd sidecar, modelled by
/// hand as an executable resource (the CommunityToolkit Dapr integration is not available to us).
/// Flags follow dapr/dapr cmd/daprd/options/options.go.
/// </summary>
public static class DaprSidecars
{
    /// <summary>
    /// daprd's request body limit (<c>--max-body-size</c>; dapr.yaml's <c>maxBodySize</c>, the same value):
    /// above Rose.Knowledge's largest upload (20 MiB, <c>Rose:Knowledge:MaxDocumentBytes</c>) plus the
    /// multipart envelope, so an upload the app accepts is not refused by a sidecar on the way (4Mi by default).
    /// </summary>
    public const string MaxBodySize = "32Mi";

    /// <summary>The secret the components' <c>redisPassword</c> reads (components/secretstore.yaml: prefix ROSE_SECRET_).</summary>
    public const string RedisPasswordVariable = "ROSE_SECRET_redis-password";

    public static IResourceBuilder<ProjectResource> WithDaprSidecar(
        this IResourceBuilder<ProjectResource> app, string daprd, string repositoryRoot, DaprControlPlane controlPlane, DaprSecrets secrets)
    {
        var builder = app.ApplicationBuilder;
        var appId = app.Resource.Name;
        var (httpPort, grpcPort, internalGrpcPort, metricsPort) = DaprPorts.Sidecars[appId];
        var endpoint = app.GetEndpoint("http");
        var components = Path.Combine(repositoryRoot, "components");

        // Both tokens on both sides: daprd checks DAPR_API_TOKEN on calls from the app and sends
        // APP_API_TOKEN on calls to it; the app does the reverse (Rose.Platform DaprSettings).
        app.WithEnvironment("Rose__Runtime", "Dapr")
            .WithEnvironment("DAPR_HTTP_PORT", httpPort.ToString())
            .WithEnvironment("DAPR_GRPC_PORT", grpcPort.ToString())
            .WithEnvironment("DAPR_HTTP_ENDPOINT", "http://127.0.0.1:" + httpPort)
            .WithEnvironment("DAPR_GRPC_ENDPOINT", "http://127.0.0.1:" + grpcPort)
            .WithEnvironment("DAPR_API_TOKEN", secrets.DaprApiToken)
            .WithEnvironment("APP_API_TOKEN", secrets.AppApiToken);

        builder.AddExecutable($"{appId}-dapr", daprd, repositoryRoot)
            .WithArgs(context =>
            {
                context.Args.Add("--app-id");
                context.Args.Add(appId);
                context.Args.Add("--app-port");
                context.Args.Add(endpoint.Property(EndpointProperty.TargetPort));
                context.Args.Add("--app-protocol");
                context.Args.Add("http");
                context.Args.Add("--dapr-http-port");
                context.Args.Add(httpPort.ToString());
                context.Args.Add("--dapr-grpc-port");
                context.Args.Add(grpcPort.ToString());
                context.Args.Add("--dapr-internal-grpc-port");
                context.Args.Add(internalGrpcPort.ToString());
                context.Args.Add("--metrics-port");
                context.Args.Add(metricsPort.ToString());
                context.Args.Add("--placement-host-address");
                context.Args.Add(DaprControlPlane.PlacementAddress);
                context.Args.Add("--scheduler-host-address");
                context.Args.Add(DaprControlPlane.SchedulerAddress);
                context.Args.Add("--max-body-size");
                context.Args.Add(MaxBodySize);
                context.Args.Add("--resources-path");
                context.Args.Add(components);
                context.Args.Add("--config");
                context.Args.Add(Path.Combine(components, "config.yaml"));
            })
            .WithEnvironment(RedisPasswordVariable, secrets.RedisPassword)
            .WithEnvironment("DAPR_API_TOKEN", secrets.DaprApiToken)
            .WithEnvironment("APP_API_TOKEN", secrets.AppApiToken)
            .WaitFor(controlPlane.Placement)
            .WaitFor(controlPlane.Scheduler)
            .WithParentRelationship(app);
        return app;
    }
}
