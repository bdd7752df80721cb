using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Rose.Platform.Limits;

/// <summary>
/// Slots in a Redis sorted set per key (member: the slot's id, score: when its lease runs out), taken
/// and counted in one Lua script, so two replicas can never both take the last slot. Expired leases
/// (a replica that died mid-stream) are swept before counting. Time is Redis's own clock, so replicas'
/// clocks need not agree. (RedisRateLimiting's concurrency limiter drops every lease after 60 s, which
/// a slow LLM's answer outlives: hence this small script instead.) While Redis cannot be reached,
/// slots are taken in this process, as without Redis, rather than failing the request.
/// </summary>
public sealed class RedisConcurrencySlots(
    LimitsRedis redis, IOptions<ClusterLimitsOptions> options, InProcessConcurrencySlots local, ILogger<RedisConcurrencySlots> logger) : IConcurrencySlots
{
    private const string Take = """
        local now = redis.call('TIME')
        local nowMs = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', nowMs)
        if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then
          return 0
        end
        local expires = nowMs + tonumber(ARGV[2])
        redis.call('ZADD', KEYS[1], expires, ARGV[3])
        redis.call('PEXPIREAT', KEYS[1], expires)
        return 1
        """;

    public async Task<IAsyncDisposable?> TryTakeAsync(string key, int limit, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N");
        var redisKey = (RedisKey)$"rose:slots:{key}";
        long taken;
        try
        {
            taken = (long)await redis.Database.ScriptEvaluateAsync(
                Take, [redisKey], [limit, (long)options.Value.SlotLease.TotalMilliseconds, id]);
        }
        catch (Exception e) when (FailOpenRateLimiter.IsRedisUnavailable(e))
        {
            logger.LogWarning("Limits' Redis unreachable ({Error}): stream slots counted in this process.", e.Message);
            return await local.TryTakeAsync(key, limit, cancellationToken);
        }

        return taken == 1 ? new Slot(redis, redisKey, id) : null;
    }

    private sealed class Slot(LimitsRedis redis, RedisKey key, string id) : IAsyncDisposable
    {
        private int released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                // The stream is over whatever happens here: a failed release is freed by the lease.
                try
                {
                    await redis.Database.SortedSetRemoveAsync(key, id, CommandFlags.FireAndForget);
                }
                catch (Exception e) when (FailOpenRateLimiter.IsRedisUnavailable(e))
                {
                    // Redis is down: the lease frees the slot when it runs out.
                }
            }
        }
    }
}
