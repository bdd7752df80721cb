using Rose.Platform.PubSub;
using Rose.Platform.PubSub.Events;

namespace Rose.Platform.Tests.Support;

/// <summary>Rejects every event as one it can never handle, after recording it under "poison".</summary>
public sealed class PoisonHandler(CallLog log) : IIntegrationEventHandler<KnowledgeUpdated>
{
    public const string Name = "poison";

    public Task HandleAsync(KnowledgeUpdated integrationEvent, CancellationToken cancellationToken)
    {
        log.Record(Name);
        throw new PoisonEventException("Unknown document ids.");
    }
}
