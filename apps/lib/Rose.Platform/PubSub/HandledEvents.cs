using Microsoft.Extensions.Options;
using Rose.Platform.State;

namespace Rose.Platform.PubSub;

/// <summary>
/// The idempotent-consumer helper: a redelivered event (pub/sub is at-least-once on both runtimes)
/// has one side effect per subscriber, even when two deliveries arrive at once (two replicas, or a
/// redelivery racing a slow handler). A delivery first claims the event with a first-write-wins save
/// (<see cref="IStateStore.TrySaveAsync{T}"/> without an ETag: only one writer creates the key) that
/// expires after <see cref="PlatformOptions.HandledEventClaimLease"/>, so a crashed replica's claim
/// does not block the event for ever. The winner runs the handler, then overwrites the claim with a
/// handled record kept <see cref="PlatformOptions.HandledEventRetention"/>; when the handler throws it
/// releases the claim, so the retry runs the handler again. The records live under the event's tenant.
/// </summary>
public sealed class HandledEvents(IStateStore state, IOptions<PlatformOptions> options, TimeProvider time)
{
    public async Task<bool> WasHandledAsync(string tenantId, string subscriber, string eventId, CancellationToken cancellationToken) =>
        (await state.GetAsync<HandledEventRecord>(tenantId, Key(subscriber, eventId), cancellationToken))?.Value.IsHandled == true;

    public Task MarkHandledAsync(string tenantId, string subscriber, string eventId, CancellationToken cancellationToken) =>
        state.SaveAsync(tenantId, Key(subscriber, eventId), new HandledEventRecord(time.GetUtcNow()), options.Value.HandledEventRetention, cancellationToken);

    /// <summary>Runs <paramref name="handle"/> only if this delivery wins the claim on the event; see <see cref="HandleOnceResult"/>.</summary>
    public async Task<HandleOnceResult> HandleOnceAsync(string tenantId, string subscriber, string eventId, Func<CancellationToken, Task> handle, CancellationToken cancellationToken)
    {
        var key = Key(subscriber, eventId);
        var token = Guid.NewGuid();
        var claim = new HandledEventRecord(null, token, time.GetUtcNow());
        if (!await state.TrySaveAsync(tenantId, key, claim, etag: null, options.Value.HandledEventClaimLease, cancellationToken))
        {
            var existing = await state.GetAsync<HandledEventRecord>(tenantId, key, cancellationToken);
            return existing?.Value.IsHandled == true ? HandleOnceResult.AlreadyHandled : HandleOnceResult.InProgressElsewhere;
        }

        try
        {
            await handle(cancellationToken);
        }
        catch
        {
            await ReleaseAsync(tenantId, key, token);
            throw;
        }

        // Over the claim, by its ETag and first-write like the claim: a plain save would drop the
        // first-write flag state.redis keeps, and a later claim of a redelivery would then overwrite it.
        var current = await state.GetAsync<HandledEventRecord>(tenantId, key, cancellationToken);
        var handled = new HandledEventRecord(time.GetUtcNow());
        if (!await state.TrySaveAsync(tenantId, key, handled, current?.ETag, options.Value.HandledEventRetention, cancellationToken))
        {
            // The lease passed and another delivery claimed the event meanwhile: it was handled all the same.
            await MarkHandledAsync(tenantId, subscriber, eventId, cancellationToken);
        }

        return HandleOnceResult.Handled;
    }

    /// <summary>Deletes the claim if it is still ours (the lease may have passed and another delivery claimed it).</summary>
    private async Task ReleaseAsync(string tenantId, string key, Guid token)
    {
        // Not the caller's token: a cancelled delivery must still let the retry run.
        var current = await state.GetAsync<HandledEventRecord>(tenantId, key, CancellationToken.None);
        if (current is { Value.ClaimToken: { } held } && held == token && !current.Value.IsHandled)
        {
            await state.DeleteAsync(tenantId, key, current.ETag, CancellationToken.None);
        }
    }

    private static string Key(string subscriber, string eventId) => $"handled-event:{subscriber}:{eventId}";
}
