using StackExchange.Redis;

namespace Rose.Platform.Limits;

/// <summary>
/// Totals in Redis: the check and the increment are one Lua script (Dapr's state API has ETags but no
/// atomic increment, and a read-modify-write retried on ETag conflicts would stall every replica at a
/// budget's edge). A missing total is seeded with <c>SET NX</c>, so two replicas seeding at once keep one.
/// </summary>
public sealed class RedisQuotaCounter(LimitsRedis redis) : IQuotaCounter
{
    private const string Reserve = """
        local total = redis.call('GET', KEYS[1])
        if not total then
          return -1
        end
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        if tonumber(total) >= tonumber(ARGV[1]) then
          return 0
        end
        redis.call('INCRBY', KEYS[1], ARGV[2])
        return 1
        """;

    private const string Adjust = """
        if redis.call('EXISTS', KEYS[1]) == 1 then
          redis.call('INCRBY', KEYS[1], ARGV[1])
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
        end
        return 0
        """;

    public async Task<bool> TryReserveAsync(string key, long amount, long limit, TimeSpan idle, Func<CancellationToken, Task<long>> seed, CancellationToken cancellationToken)
    {
        var redisKey = Key(key);
        var idleMs = (long)idle.TotalMilliseconds;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var result = (long)await redis.Database.ScriptEvaluateAsync(Reserve, [redisKey], [limit, amount, idleMs]);
            if (result >= 0)
            {
                return result == 1;
            }

            var total = await seed(cancellationToken);
            await redis.Database.StringSetAsync(redisKey, total, idle, When.NotExists);
        }

        throw new InvalidOperationException($"The quota total '{key}' vanished three times while it was seeded.");
    }

    public async Task AdjustAsync(string key, long delta, TimeSpan idle, CancellationToken cancellationToken) =>
        await redis.Database.ScriptEvaluateAsync(Adjust, [Key(key)], [delta, (long)idle.TotalMilliseconds]);

    private static RedisKey Key(string key) => $"rose:quota:{key}";
}
