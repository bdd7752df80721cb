namespace Rose.AppHost;

/// <summary>
/// The production shape: every app a project resource with its own daprd sidecar, modelled by
/// hand as an executable resource (the CommunityToolkit Dapr integration is not available to us).
/// </summary>
public static class DaprSidecars
{
    public static IResourceBuilder<ProjectResource> WithDaprSidecar(
        this IResourceBuilder<ProjectResource> app, string daprd, string repositoryRoot, int httpPort, int grpcPort)
    {
        var builder = app.ApplicationBuilder;
        var appId = app.Resource.Name;
        var endpoint = app.GetEndpoint("http");
        var components = Path.Combine(repositoryRoot, "components");

        app.WithEnvironment("Rose__Runtime", "Dapr")
            .WithEnvironment("DAPR_HTTP_PORT", httpPort.ToString())
            .WithEnvironment("DAPR_GRPC_PORT", grpcPort.ToString())
            .WithEnvironment("DAPR_HTTP_ENDPOINT", "http://127.0.0.1:" + httpPort)
            .WithEnvironment("DAPR_GRPC_ENDPOINT", "http://127.0.0.1:" + grpcPort);

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
                context.Args.Add("--resources-path");
                context.Args.Add(components);
                context.Args.Add("--config");
                context.Args.Add(Path.Combine(components, "config.yaml"));
            })
            .WithParentRelationship(app);
        return app;
    }
}
