using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RedisRateLimiting;

namespace Rose.Platform.Limits;

/// <summary>
/// Partitions for ASP.NET Core's rate limiter that count where <see cref="ClusterLimitsOptions"/> says:
/// in Redis (RedisRateLimiting's fixed window, one Lua script per request, shared by every replica) or
/// in this process. A partition key carries its tenant. While Redis cannot be reached, the Redis
/// partitions count in this process (<see cref="FailOpenRateLimiter"/>).
/// </summary>
public sealed class RateLimitPartitions(IOptions<ClusterLimitsOptions> options, LimitsRedis redis, ILogger<RateLimitPartitions> logger)
{
    public RateLimitPartition<string> FixedWindow(string key, int permits, TimeSpan window)
    {
        if (!options.Value.UsesRedis)
        {
            return RateLimitPartition.GetFixedWindowLimiter(key, _ => Local(permits, window));
        }

        return RateLimitPartition.Get(key, partition => new FailOpenRateLimiter(
            new RedisFixedWindowRateLimiter<string>(partition, new RedisFixedWindowRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => redis.Connection,
                PermitLimit = permits,
                Window = window,
            }),
            new FixedWindowRateLimiter(Local(permits, window)),
            logger));
    }

    private static FixedWindowRateLimiterOptions Local(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        QueueLimit = 0,
    };
}
