using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;

namespace Rose.Enrichment;

/// <summary>
/// Addresses waiting for the cascade, in memory only: the raw address lives here until its lookup ran
/// and is never stored. Bounded; an address already waiting is not queued twice, and when the queue is
/// full new addresses are dropped (the next turn asks again) rather than slowing the chat.
/// </summary>
public sealed class PendingIdentifications
{
    private readonly Channel<(string TenantId, IPAddress Address)> channel =
        Channel.CreateBounded<(string, IPAddress)>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite });

    private readonly ConcurrentDictionary<(string, IPAddress), byte> waiting = new();

    public bool TryEnqueue(string tenantId, IPAddress address) =>
        waiting.TryAdd((tenantId, address), 0) && (channel.Writer.TryWrite((tenantId, address)) || !waiting.TryRemove((tenantId, address), out _));

    public async IAsyncEnumerable<(string TenantId, IPAddress Address)> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken))
        {
            yield return item;
        }
    }

    /// <summary>The lookup of this address ran: a later turn may queue it again once its cache entry expires.</summary>
    public void Done(string tenantId, IPAddress address) => waiting.TryRemove((tenantId, address), out _);
}
