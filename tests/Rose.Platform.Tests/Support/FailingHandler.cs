using Rose.Platform.PubSub;
using Rose.Platform.PubSub.Events;

namespace Rose.Platform.Tests.Support;

/// <summary>Always fails, after recording the attempt under "failing".</summary>
public sealed class FailingHandler(CallLog log) : IIntegrationEventHandler<ConversationEnded>
{
    public const string Name = "failing";

    public Task HandleAsync(ConversationEnded integrationEvent, CancellationToken cancellationToken)
    {
        log.Record(Name);
        throw new InvalidOperationException("The scoring service is down.");
    }
}
