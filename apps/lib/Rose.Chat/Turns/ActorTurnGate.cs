using Dapr.Actors;
using Dapr.Actors.Client;

namespace Rose.Chat.Turns;

/// <summary>The Dapr runtime's turn gate: waits for the conversation actor's lease, with back-off.</summary>
public sealed class ActorTurnGate(IActorProxyFactory proxies) : IConversationTurnGate
{
    public const int LeaseSeconds = 120;

    public async Task<IAsyncDisposable> EnterAsync(string tenantId, string conversationId, CancellationToken cancellationToken)
    {
        var actor = proxies.CreateActorProxy<IConversationTurnActor>(new ActorId($"{tenantId}:{conversationId}"), nameof(ConversationTurnActor));
        var holder = ChatIds.New();
        var wait = TimeSpan.FromMilliseconds(25);
        while (!await actor.TryAcquireAsync(holder, LeaseSeconds))
        {
            await Task.Delay(wait, cancellationToken);
            wait = TimeSpan.FromMilliseconds(Math.Min(wait.TotalMilliseconds * 2, 500));
        }

        return new Lease(actor, holder);
    }

    private sealed class Lease(IConversationTurnActor actor, string holder) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await actor.ReleaseAsync(holder);
    }
}
