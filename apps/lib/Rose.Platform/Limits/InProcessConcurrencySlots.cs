using System.Collections.Concurrent;

namespace Rose.Platform.Limits;

/// <summary>Slots counted in this process: the embedded runtime, where one process serves every visitor.</summary>
public sealed class InProcessConcurrencySlots : IConcurrencySlots
{
    private readonly ConcurrentDictionary<string, int> inUse = new(StringComparer.Ordinal);

    public Task<IAsyncDisposable?> TryTakeAsync(string key, int limit, CancellationToken cancellationToken)
    {
        while (true)
        {
            var current = inUse.GetOrAdd(key, 0);
            if (current >= limit)
            {
                return Task.FromResult<IAsyncDisposable?>(null);
            }

            if (inUse.TryUpdate(key, current + 1, current))
            {
                return Task.FromResult<IAsyncDisposable?>(new Slot(this, key));
            }
        }
    }

    private void Release(string key) => inUse.AddOrUpdate(key, 0, (_, n) => Math.Max(0, n - 1));

    private sealed class Slot(InProcessConcurrencySlots owner, string key) : IAsyncDisposable
    {
        private int released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                owner.Release(key);
            }

            return ValueTask.CompletedTask;
        }
    }
}
