using Rose.Platform.PubSub;
using Rose.Platform.PubSub.Events;

namespace Rose.Platform.Tests.Support;

/// <summary>A slow subscriber: its side effect waits at the gate.</summary>
public sealed class GatedHandler(HandlerGate gate) : IIntegrationEventHandler<ConversationMessagePosted>
{
    public Task HandleAsync(ConversationMessagePosted integrationEvent, CancellationToken cancellationToken) => gate.PassAsync();
}
