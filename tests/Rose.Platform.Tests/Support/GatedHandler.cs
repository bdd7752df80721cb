using Rose.Platform.PubSub;

namespace Rose.Platform.Tests.Support;

/// <summary>A slow subscriber: its side effect waits at the gate.</summary>
public sealed class GatedHandler(HandlerGate gate) : IIntegrationEventHandler<SampleMessagePosted>
{
    public Task HandleAsync(SampleMessagePosted integrationEvent, CancellationToken cancellationToken) => gate.PassAsync();
}
