namespace Rose.Platform.PubSub;

/// <summary>
/// Handles one event type. Register with <c>AddRoseEventHandler&lt;TEvent, THandler&gt;()</c>; the
/// platform calls it at most once per event id (see <see cref="HandledEvents"/>). Throw to have the
/// event redelivered later; throw <see cref="PoisonEventException"/> when a retry can never succeed.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "eShop's name for integration event handlers; it is not a .NET event delegate.")]
public interface IIntegrationEventHandler<in TEvent>
    where TEvent : IntegrationEvent
{
    Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken);
}
