using Dapr.Client;
using Rose.Platform.PubSub;
using Rose.Storage;

namespace Rose.Platform.Dapr;

/// <summary>
/// Publishes through the sidecar to the pub/sub component the event names (<see cref="EventTopicAttribute.PubSubName"/>,
/// by default <see cref="DaprComponents.PubSub"/>). The sidecar wraps the JSON
/// into a CloudEvent; the metadata makes its id the event's <see cref="IntegrationEvent.Id"/> (so
/// idempotent consumers recognise redeliveries) and its type the event's class name.
/// </summary>
public sealed class DaprEventPublisher(DaprClient dapr) : IEventPublisher
{
    public Task PublishAsync<TEvent>(TEvent integrationEvent, CancellationToken cancellationToken = default)
        where TEvent : IntegrationEvent
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        TenantIds.EnsureValid(integrationEvent.TenantId);
        var type = integrationEvent.GetType();
        var metadata = new Dictionary<string, string>
        {
            ["cloudevent.id"] = integrationEvent.Id.ToString(),
            ["cloudevent.type"] = type.Name,
        };
        // As object, so that the JSON has every property of the runtime type.
        return dapr.PublishEventAsync<object>(Topics.PubSubFor(type), Topics.For(type), integrationEvent, metadata, cancellationToken);
    }
}
