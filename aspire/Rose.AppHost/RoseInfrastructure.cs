using System.Net;
using System.Net.Sockets;

namespace Rose.AppHost;

/// <summary>
/// Redis and PostgreSQL: containers where Docker runs, Debian's binaries where it does not. Redis
/// runs with a password either way (<see cref="RedisPassword"/>), which the Dapr sidecars hand to the
/// components through the secret store.
/// </summary>
public sealed record RoseInfrastructure(
    IResourceBuilder<IResource> Redis,
    IResourceBuilder<IResource> Postgres,
    int RedisPort,
    string? LocalPostgresConnectionString,
    IResourceBuilder<IResourceWithConnectionString>? PostgresDatabase,
    ReferenceExpression RedisPassword)
{
    public const int DaprRedisPort = 6379;

    public static RoseInfrastructure Add(IDistributedApplicationBuilder builder, AppHostOptions options, bool forDapr)
    {
        if (!options.UsesLocalBinaries)
        {
            var redis = builder.AddRedis("redis", port: forDapr ? DaprRedisPort : null);
            var postgres = builder.AddPostgres("postgres");
            var database = postgres.AddDatabase("rose");
            var containerPassword = redis.Resource.PasswordParameter
                ?? throw new InvalidOperationException("Aspire's Redis resource has no password parameter.");
            return new RoseInfrastructure(
                (IResourceBuilder<IResource>)redis, (IResourceBuilder<IResource>)postgres, forDapr ? DaprRedisPort : 0, null, database,
                ReferenceExpression.Create($"{containerPassword}"));
        }

        // The components in components/ expect Redis on localhost:6379 under Dapr.
        var redisPort = forDapr ? DaprRedisPort : FreePort();
        var password = builder.AddParameter("redis-password", new GenerateParameterDefault { MinLength = 22, Special = false }, secret: true);
        var localRedis = builder.AddExecutable("redis", "redis-server", builder.AppHostDirectory,
                "--port", redisPort.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
            .WithArgs(context =>
            {
                context.Args.Add("--requirepass");
                context.Args.Add(password.Resource);
            })
            .WithEndpoint(name: "tcp", scheme: "tcp", port: redisPort, targetPort: redisPort, isProxied: false)
            .WithHealthCheck(TcpHealthCheck.Register(builder, "redis-accepts-connections", redisPort));

        var cluster = LocalPostgresCluster.Prepare(options.LocalDataPath ?? Path.Combine(Path.GetTempPath(), "rose-apphost-postgres"));
        var pgPort = FreePort();
        var localPostgres = builder.AddExecutable("postgres", cluster.Command, cluster.Folder,
                [.. cluster.ArgumentsPrefix, "-D", cluster.DataFolder, "-p", pgPort.ToString(), "-k", cluster.Folder, "-c", "listen_addresses=127.0.0.1"])
            .WithEndpoint(name: "tcp", scheme: "tcp", port: pgPort, targetPort: pgPort, isProxied: false)
            .WithHealthCheck(TcpHealthCheck.Register(builder, "postgres-accepts-connections", pgPort));

        return new RoseInfrastructure(
            (IResourceBuilder<IResource>)localRedis,
            (IResourceBuilder<IResource>)localPostgres,
            redisPort,
            $"Host=127.0.0.1;Port={pgPort};Username={LocalPostgresCluster.User};Database=postgres",
            null,
            ReferenceExpression.Create($"{password.Resource}"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
