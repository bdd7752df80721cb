using Dapr.Actors.Runtime;

namespace Rose.Chat.Turns;

/// <summary>
/// One actor per conversation (id <c>tenantId:conversationId</c>). Actors run one call at a time,
/// which makes the lease race-free across search replicas. The turn itself streams from the replica
/// that holds the lease: an actor call cannot stream tokens. A lease expires, so a replica that dies
/// mid-turn cannot block the conversation.
/// </summary>
public sealed class ConversationTurnActor(ActorHost host) : Actor(host), IConversationTurnActor
{
    private const string LeaseKey = "lease";

    public async Task<bool> TryAcquireAsync(string holder, int leaseSeconds)
    {
        var lease = await StateManager.TryGetStateAsync<TurnLease>(LeaseKey);
        var now = DateTimeOffset.UtcNow;
        if (lease.HasValue && lease.Value.Holder != holder && lease.Value.ExpiresAt > now)
        {
            return false;
        }

        await StateManager.SetStateAsync(LeaseKey, new TurnLease(holder, now.AddSeconds(leaseSeconds)));
        return true;
    }

    public async Task ReleaseAsync(string holder)
    {
        var lease = await StateManager.TryGetStateAsync<TurnLease>(LeaseKey);
        if (lease.HasValue && lease.Value.Holder == holder)
        {
            await StateManager.RemoveStateAsync(LeaseKey);
        }
    }
}
