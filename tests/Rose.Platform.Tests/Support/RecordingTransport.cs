using System.Collections.Concurrent;
using Rose.Platform.PubSub;
using Rose.Storage.Outbox;

namespace Rose.Platform.Tests.Support;

/// <summary>An outbox transport that records what it was handed, and fails the sends a test names.</summary>
public sealed class RecordingTransport : IOutboxTransport
{
    public ConcurrentQueue<OutboxMessage> Sent { get; } = new();

    /// <summary>Returns true for a message whose send should throw this time.</summary>
    public Func<OutboxMessage, bool> Fails { get; set; } = _ => false;

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        // Lets two drainers interleave, as replicas would.
        await Task.Yield();
        if (Fails(message))
        {
            throw new HttpRequestException("the sidecar is not reachable");
        }

        Sent.Enqueue(message);
    }
}
