using System.Text.Json;
using Dapr.Client;
using Rose.Platform.PubSub;
using Rose.Storage.Outbox;

namespace Rose.Platform.Dapr;

/// <summary>
/// Publishes a staged event through the sidecar to the pub/sub component its event names
/// (<see cref="DaprComponents.PubSub"/>, or <see cref="DaprComponents.BroadcastPubSub"/>). The sidecar
/// wraps the JSON into a CloudEvent; the metadata makes its id the event's id (so idempotent consumers
/// recognise a resend) and its type the event's class name.
/// </summary>
public sealed class DaprOutboxTransport(DaprClient dapr) : IOutboxTransport
{
    public Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var metadata = new Dictionary<string, string>
        {
            ["cloudevent.id"] = message.EventId,
            ["cloudevent.type"] = message.EventType,
        };
        // A JsonElement is written as it is: the payload staged with the change, byte for byte.
        using var payload = JsonDocument.Parse(message.Payload);
        return dapr.PublishEventAsync(message.PubSubName, message.Topic, payload.RootElement.Clone(), metadata, cancellationToken);
    }
}
