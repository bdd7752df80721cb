using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Rose.Platform.Limits;

/// <summary>
/// A Redis-counted limiter that falls back to counting in this process while Redis cannot be reached:
/// a limit protects the service, so an outage of its counter must not refuse every visitor with a 500
/// (measured: with Redis stopped, every chat message and new conversation answered 500). Each replica
/// then enforces the limit on its own until Redis answers again.
/// </summary>
internal sealed class FailOpenRateLimiter(RateLimiter redis, RateLimiter local, ILogger logger) : RateLimiter
{
    public override TimeSpan? IdleDuration => redis.IdleDuration is { } a && local.IdleDuration is { } b ? (a < b ? a : b) : null;

    public override RateLimiterStatistics? GetStatistics() => redis.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        try
        {
            return redis.AttemptAcquire(permitCount);
        }
        catch (Exception e) when (IsRedisUnavailable(e))
        {
            Warn(e);
            return local.AttemptAcquire(permitCount);
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        try
        {
            return await redis.AcquireAsync(permitCount, cancellationToken);
        }
        catch (Exception e) when (IsRedisUnavailable(e))
        {
            Warn(e);
            return await local.AcquireAsync(permitCount, cancellationToken);
        }
    }

    internal static bool IsRedisUnavailable(Exception e) => e is RedisException or RedisTimeoutException or ObjectDisposedException;

    private void Warn(Exception e) =>
        logger.LogWarning("Limits' Redis unreachable ({Error}): counting in this process until it answers.", e.Message);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            redis.Dispose();
            local.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await redis.DisposeAsync();
        await local.DisposeAsync();
        await base.DisposeAsyncCore();
    }
}
