using System.Collections.Concurrent;
using Rose.Chat.Events;
using Rose.Platform.PubSub;

namespace Rose.Apps.Tests;

/// <summary>The worker's stand-in consumer of <c>conversation.ended</c> (tagging and scoring come with the lead-intelligence work): counts what it handles.</summary>
public sealed class CountingEndedHandler(EndedConversations handled) : IIntegrationEventHandler<ConversationEnded>
{
    public Task HandleAsync(ConversationEnded integrationEvent, CancellationToken cancellationToken)
    {
        handled.Ids.Enqueue(integrationEvent.ConversationId);
        return Task.CompletedTask;
    }
}

/// <summary>What <see cref="CountingEndedHandler"/> saw.</summary>
public sealed class EndedConversations
{
    public ConcurrentQueue<string> Ids { get; } = new();
}
