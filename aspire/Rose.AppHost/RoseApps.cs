namespace Rose.AppHost;

/// <summary>Rose's apps as Aspire resources; the resource name is the app-id and the folder under apps/.</summary>
public static class RoseApps
{
    /// <summary>Dapr HTTP/gRPC ports per app-id, the same as in dapr.yaml.</summary>
    public static readonly IReadOnlyDictionary<string, (int Http, int Grpc)> SidecarPorts = new Dictionary<string, (int, int)>
    {
        ["gateway"] = (3500, 50001),
        ["search"] = (3501, 50002),
        ["admin"] = (3502, 50003),
        ["backoffice"] = (3503, 50004),
        ["worker"] = (3504, 50005),
    };

    public static IResourceBuilder<ProjectResource> AddRoseStandalone(this IDistributedApplicationBuilder builder, RoseInfrastructure infrastructure)
    {
        var standalone = builder.AddProject<Projects.Rose_Standalone>("standalone")
            .WithEnvironment("Rose__Runtime", "Embedded")
            .WithHttpHealthCheck("/health");
        return standalone.UsePostgres(infrastructure);
    }

    public static void AddRoseDaprApps(this IDistributedApplicationBuilder builder, RoseInfrastructure infrastructure, string daprd)
    {
        var root = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".."));
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
            var (http, grpc) = SidecarPorts[app.Resource.Name];
            app.WithHttpHealthCheck("/health")
                .UsePostgres(infrastructure)
                .WithDaprSidecar(daprd, root, http, grpc);
        }
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
