using System.Collections.Concurrent;
using Rose.Platform.PubSub;
using Rose.Chat.Events;

namespace Rose.Chat.Tests;

/// <summary>Records the conversation.ended events a test subscribes to.</summary>
public sealed class ConversationEndedLog : IIntegrationEventHandler<ConversationEnded>
{
    public static ConcurrentQueue<ConversationEnded> Received { get; } = new();

    public static SemaphoreSlim Arrived { get; } = new(0);

    public Task HandleAsync(ConversationEnded integrationEvent, CancellationToken cancellationToken)
    {
        Received.Enqueue(integrationEvent);
        Arrived.Release();
        return Task.CompletedTask;
    }
}
