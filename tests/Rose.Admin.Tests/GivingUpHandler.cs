using Rose.Platform.PubSub;
using Rose.Chat.Events;

namespace Rose.Admin.Tests;

/// <summary>A subscriber that fails on every conversation.ended, so that the embedded runtime dead-letters it.</summary>
public sealed class GivingUpHandler : IIntegrationEventHandler<ConversationEnded>
{
    private static int calls;

    public static int Calls => Volatile.Read(ref calls);

    public Task HandleAsync(ConversationEnded integrationEvent, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref calls);
        throw new InvalidOperationException("the scoring service is down");
    }
}
