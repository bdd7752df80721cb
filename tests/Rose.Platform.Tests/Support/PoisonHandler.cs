using Rose.Platform.PubSub;

namespace Rose.Platform.Tests.Support;

/// <summary>Rejects every event as one it can never handle, after recording it under "poison".</summary>
public sealed class PoisonHandler(CallLog log) : IIntegrationEventHandler<SampleKnowledgeUpdated>
{
    public const string Name = "poison";

    public Task HandleAsync(SampleKnowledgeUpdated integrationEvent, CancellationToken cancellationToken)
    {
        log.Record(Name);
        throw new PoisonEventException("Unknown document ids.");
    }
}
