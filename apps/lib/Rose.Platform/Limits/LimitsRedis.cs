using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Rose.Platform.Limits;

/// <summary>
/// The one connection to the limits' Redis, opened on first use (an app that never limits never
/// connects) and kept for the app's life, as StackExchange.Redis wants.
/// </summary>
public sealed class LimitsRedis : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> connection;

    public LimitsRedis(IOptions<ClusterLimitsOptions> options)
    {
        connection = new Lazy<ConnectionMultiplexer>(() =>
        {
            var configuration = ConfigurationOptions.Parse(options.Value.Redis ?? throw new InvalidOperationException($"{ClusterLimitsOptions.RedisKey} is not set."));
            // A Redis that restarts must not take the app down with it: reconnect in the background.
            configuration.AbortOnConnectFail = false;
            return ConnectionMultiplexer.Connect(configuration);
        });
    }

    public IConnectionMultiplexer Connection => connection.Value;

    public IDatabase Database => connection.Value.GetDatabase();

    public void Dispose()
    {
        if (connection.IsValueCreated)
        {
            connection.Value.Dispose();
        }
    }
}
