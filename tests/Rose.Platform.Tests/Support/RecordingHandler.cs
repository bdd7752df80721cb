using Rose.Platform.PubSub;

namespace Rose.Platform.Tests.Support;

/// <summary>Records each message it handles under "{conversationId}".</summary>
public sealed class RecordingHandler(CallLog log) : IIntegrationEventHandler<SampleMessagePosted>
{
    public Task HandleAsync(SampleMessagePosted integrationEvent, CancellationToken cancellationToken)
    {
        log.Record(integrationEvent.ConversationId);
        return Task.CompletedTask;
    }
}
