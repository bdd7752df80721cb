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
            // While it is down, a limit's command fails at once (the limiters then count in process)
            // instead of waiting in the backlog for the 5-second timeout on every request.
            configuration.BacklogPolicy = BacklogPolicy.FailFast;
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
