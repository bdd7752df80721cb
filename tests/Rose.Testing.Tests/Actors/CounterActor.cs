using Dapr.Actors.Runtime;

namespace Rose.Testing.Tests.Actors;

/// <summary>A test actor: counts its calls in actor state.</summary>
public sealed class CounterActor(ActorHost host) : Actor(host), ICounterActor
{
    public async Task<int> IncrementAsync()
    {
        var count = await StateManager.GetOrAddStateAsync("count", 0) + 1;
        await StateManager.SetStateAsync("count", count);
        // Saved now, not at the end of the turn: the next call may run on another activation's cache-less read.
        await StateManager.SaveStateAsync();
        return count;
    }
}
