using Rose.Platform.PubSub;
using Rose.Platform.PubSub.Events;

namespace Rose.Platform.Tests.Support;

/// <summary>Records each message it handles under "{conversationId}".</summary>
public sealed class RecordingHandler(CallLog log) : IIntegrationEventHandler<ConversationMessagePosted>
{
    public Task HandleAsync(ConversationMessagePosted integrationEvent, CancellationToken cancellationToken)
    {
        log.Record(integrationEvent.ConversationId);
        return Task.CompletedTask;
    }
}
