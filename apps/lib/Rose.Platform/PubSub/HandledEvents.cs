using Microsoft.Extensions.Options;
using Rose.Platform.State;

namespace Rose.Platform.PubSub;

/// <summary>
/// The idempotent-consumer helper: remembers, per subscriber, the CloudEvent ids it handled, so
/// that a redelivered event (pub/sub is at-least-once on both runtimes) has one side effect. The
/// records live in the state store under the event's tenant and expire after
/// <see cref="PlatformOptions.HandledEventRetention"/>.
/// </summary>
public sealed class HandledEvents(IStateStore state, IOptions<PlatformOptions> options)
{
    public async Task<bool> WasHandledAsync(string tenantId, string subscriber, string eventId, CancellationToken cancellationToken) =>
        await state.GetAsync<HandledEventRecord>(tenantId, Key(subscriber, eventId), cancellationToken) is not null;

    public Task MarkHandledAsync(string tenantId, string subscriber, string eventId, CancellationToken cancellationToken) =>
        state.SaveAsync(tenantId, Key(subscriber, eventId), new HandledEventRecord(DateTimeOffset.UtcNow), options.Value.HandledEventRetention, cancellationToken);

    /// <summary>Runs <paramref name="handle"/> unless this subscriber already handled the event; true when it ran.</summary>
    public async Task<bool> HandleOnceAsync(string tenantId, string subscriber, string eventId, Func<CancellationToken, Task> handle, CancellationToken cancellationToken)
    {
        if (await WasHandledAsync(tenantId, subscriber, eventId, cancellationToken))
        {
            return false;
        }

        await handle(cancellationToken);
        await MarkHandledAsync(tenantId, subscriber, eventId, cancellationToken);
        return true;
    }

    private static string Key(string subscriber, string eventId) => $"handled-event:{subscriber}:{eventId}";
}
