using Rose.Platform.PubSub;
using Rose.Storage.Outbox;

namespace Rose.Chat.Tests;

/// <summary>Pub/sub that is down: every send fails, as when the sidecar is unreachable.</summary>
public sealed class UnreachableTransport : IOutboxTransport
{
    public Task SendAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        throw new HttpRequestException("the sidecar is not reachable");
}
