using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using RedisRateLimiting;

namespace Rose.Platform.Limits;

/// <summary>
/// Partitions for ASP.NET Core's rate limiter that count where <see cref="ClusterLimitsOptions"/> says:
/// in Redis (RedisRateLimiting's fixed window, one Lua script per request, shared by every replica) or
/// in this process. A partition key carries its tenant.
/// </summary>
public sealed class RateLimitPartitions(IOptions<ClusterLimitsOptions> options, LimitsRedis redis)
{
    public RateLimitPartition<string> FixedWindow(string key, int permits, TimeSpan window)
    {
        if (!options.Value.UsesRedis)
        {
            return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = window,
                QueueLimit = 0,
            });
        }

        return RedisRateLimitPartition.GetFixedWindowRateLimiter(key, _ => new RedisFixedWindowRateLimiterOptions
        {
            ConnectionMultiplexerFactory = () => redis.Connection,
            PermitLimit = permits,
            Window = window,
        });
    }
}
