namespace Rose.Platform.Limits;

/// <summary>Totals kept in this process: the embedded runtime, one process.</summary>
public sealed class InProcessQuotaCounter(TimeProvider time) : IQuotaCounter, IDisposable
{
    private readonly Dictionary<string, Entry> totals = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim seeding = new(1, 1);

    public async Task<bool> TryReserveAsync(string key, long amount, long limit, TimeSpan idle, Func<CancellationToken, Task<long>> seed, CancellationToken cancellationToken)
    {
        if (!TryReserve(key, amount, limit, idle, out var reserved))
        {
            // One seed at a time: two calls that both find no total must not both read the ledger and add twice.
            await seeding.WaitAsync(cancellationToken);
            try
            {
                if (!TryReserve(key, amount, limit, idle, out reserved))
                {
                    var total = await seed(cancellationToken);
                    lock (totals)
                    {
                        totals[key] = new Entry { Total = total, LastUsed = time.GetUtcNow() };
                    }

                    TryReserve(key, amount, limit, idle, out reserved);
                }
            }
            finally
            {
                seeding.Release();
            }
        }

        return reserved ?? false;
    }

    public Task AdjustAsync(string key, long delta, TimeSpan idle, CancellationToken cancellationToken)
    {
        lock (totals)
        {
            if (Live(key, idle) is { } entry)
            {
                entry.Total += delta;
                entry.LastUsed = time.GetUtcNow();
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>False with a null verdict when no live total exists yet.</summary>
    private bool TryReserve(string key, long amount, long limit, TimeSpan idle, out bool? reserved)
    {
        lock (totals)
        {
            if (Live(key, idle) is not { } entry)
            {
                reserved = null;
                return false;
            }

            entry.LastUsed = time.GetUtcNow();
            reserved = entry.Total < limit;
            if (reserved.Value)
            {
                entry.Total += amount;
            }

            return true;
        }
    }

    private Entry? Live(string key, TimeSpan idle)
    {
        if (totals.TryGetValue(key, out var entry) && time.GetUtcNow() - entry.LastUsed < idle)
        {
            return entry;
        }

        totals.Remove(key);
        return null;
    }

    public void Dispose() => seeding.Dispose();

    private sealed class Entry
    {
        public long Total { get; set; }

        public DateTimeOffset LastUsed { get; set; }
    }
}
