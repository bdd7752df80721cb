namespace Rose.Chat.Turns;

/// <summary>
/// The embedded runtime's turn gate: one semaphore per conversation, removed when nobody
/// holds or waits for it, so memory stays bounded by the conversations in flight.
/// </summary>
public sealed class InProcessTurnGate : IConversationTurnGate
{
    private readonly Dictionary<string, Entry> gates = new(StringComparer.Ordinal);

    public async Task<IAsyncDisposable> EnterAsync(string tenantId, string conversationId, CancellationToken cancellationToken)
    {
        var key = tenantId + ":" + conversationId;
        Entry entry;
        lock (gates)
        {
            if (!gates.TryGetValue(key, out entry!))
            {
                entry = new Entry();
                gates[key] = entry;
            }

            entry.Users++;
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(key, entry, release: false);
            throw;
        }

        return new Turn(this, key, entry);
    }

    private void Leave(string key, Entry entry, bool release)
    {
        if (release)
        {
            entry.Semaphore.Release();
        }

        lock (gates)
        {
            if (--entry.Users == 0)
            {
                gates.Remove(key);
                entry.Semaphore.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Turn(InProcessTurnGate owner, string key, Entry entry) : IAsyncDisposable
    {
        private int disposed;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                owner.Leave(key, entry, release: true);
            }

            return ValueTask.CompletedTask;
        }
    }
}
