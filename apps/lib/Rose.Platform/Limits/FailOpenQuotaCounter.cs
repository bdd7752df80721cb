using Microsoft.Extensions.Logging;

namespace Rose.Platform.Limits;

/// <summary>
/// The Redis totals, falling back to totals in this process (seeded from the same source of truth, the
/// ledger) while Redis cannot be reached, like <see cref="FailOpenRateLimiter"/>: a budget must not fail
/// every call when its counter is down, and must not be dropped either. Each replica then holds the
/// budget on its own until Redis answers again. The outage is logged once, as a warning, and its end
/// once, as information.
/// </summary>
internal sealed class FailOpenQuotaCounter(RedisQuotaCounter redis, InProcessQuotaCounter local, ILogger<FailOpenQuotaCounter> logger) : IQuotaCounter
{
    private int unreachable;

    public async Task<bool> TryReserveAsync(string key, long amount, long limit, TimeSpan idle, Func<CancellationToken, Task<long>> seed, CancellationToken cancellationToken)
    {
        try
        {
            var reserved = await redis.TryReserveAsync(key, amount, limit, idle, seed, cancellationToken);
            Reachable();
            return reserved;
        }
        catch (Exception e) when (FailOpenRateLimiter.IsRedisUnavailable(e))
        {
            Unreachable(e);
            return await local.TryReserveAsync(key, amount, limit, idle, seed, cancellationToken);
        }
    }

    public async Task AdjustAsync(string key, long delta, TimeSpan idle, CancellationToken cancellationToken)
    {
        try
        {
            await redis.AdjustAsync(key, delta, idle, cancellationToken);
            Reachable();
        }
        catch (Exception e) when (FailOpenRateLimiter.IsRedisUnavailable(e))
        {
            Unreachable(e);
            await local.AdjustAsync(key, delta, idle, cancellationToken);
        }
    }

    private void Unreachable(Exception e)
    {
        if (Interlocked.Exchange(ref unreachable, 1) == 0)
        {
            logger.LogWarning("Quota counters' Redis unreachable ({Error}): budgets are counted in this process until it answers.", e.Message);
        }
    }

    private void Reachable()
    {
        if (Interlocked.Exchange(ref unreachable, 0) == 1)
        {
            logger.LogInformation("Quota counters' Redis answers again: budgets are counted in Redis.");
        }
    }
}
