namespace Rose.AppHost;

/// <summary>Rose's apps as Aspire resources; the resource name is the app-id and the folder under apps/.</summary>
public static class RoseApps
{
    public static IResourceBuilder<ProjectResource> AddRoseStandalone(this IDistributedApplicationBuilder builder, RoseInfrastructure infrastructure)
    {
        var standalone = builder.AddProject<Projects.Rose_Standalone>("standalone")
            .WithEnvironment("Rose__Runtime", "Embedded")
            .WithHttpHealthCheck("/health");
        return standalone.UsePostgres(infrastructure);
    }

    public static void AddRoseDaprApps(this IDistributedApplicationBuilder builder, RoseInfrastructure infrastructure, string daprd, string dataFolder)
    {
        var root = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".."));
        var controlPlane = DaprControlPlane.Add(builder, daprd, dataFolder);
        var secrets = DaprSecrets.Add(builder, infrastructure);
        IResourceBuilder<ProjectResource>[] apps =
        [
            builder.AddProject<Projects.Rose_Gateway>("gateway"),
            builder.AddProject<Projects.Rose_Search>("search"),
            builder.AddProject<Projects.Rose_Admin>("admin"),
            builder.AddProject<Projects.Rose_Backoffice>("backoffice"),
            builder.AddProject<Projects.Rose_Worker>("worker"),
        ];
        foreach (var app in apps)
        {
            app.WithHttpHealthCheck("/health")
                .UsePostgres(infrastructure)
                .WithDaprSidecar(daprd, root, controlPlane, secrets);
        }

        // The streamed answer goes from the gateway straight to search, and the backoffice's pages and
        // Blazor circuit straight to the backoffice (apps/gateway/GatewayRoutes.cs).
        apps[0].WithEnvironment("Rose__Gateway__Destinations__search", apps[1].GetEndpoint("http"));
        apps[0].WithEnvironment("Rose__Gateway__Destinations__backoffice", apps[3].GetEndpoint("http"));
    }

    private static IResourceBuilder<ProjectResource> UsePostgres(this IResourceBuilder<ProjectResource> app, RoseInfrastructure infrastructure)
    {
        app.WithEnvironment("Rose__Storage__Provider", "PostgreSql");
        if (infrastructure.PostgresDatabase is { } database)
        {
            return app.WithReference(database, connectionName: "rose").WaitFor(database);
        }

        return app.WithEnvironment("Rose__Storage__ConnectionString", infrastructure.LocalPostgresConnectionString!)
            .WaitFor(infrastructure.Postgres);
    }
}
