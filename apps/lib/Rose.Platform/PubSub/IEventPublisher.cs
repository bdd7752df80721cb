namespace Rose.Platform.PubSub;

/// <summary>Publishes an integration event to its topic as a CloudEvent (id = the event's <see cref="IntegrationEvent.Id"/>).</summary>
public interface IEventPublisher
{
    Task PublishAsync<TEvent>(TEvent integrationEvent, CancellationToken cancellationToken = default)
        where TEvent : IntegrationEvent;
}
