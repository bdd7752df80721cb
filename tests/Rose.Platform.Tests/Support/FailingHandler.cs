using Rose.Platform.PubSub;

namespace Rose.Platform.Tests.Support;

/// <summary>Always fails, after recording the attempt under "failing".</summary>
public sealed class FailingHandler(CallLog log) : IIntegrationEventHandler<SampleConversationEnded>
{
    public const string Name = "failing";

    public Task HandleAsync(SampleConversationEnded integrationEvent, CancellationToken cancellationToken)
    {
        log.Record(Name);
        throw new InvalidOperationException("The scoring service is down.");
    }
}
