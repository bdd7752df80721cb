using Microsoft.Extensions.DependencyInjection;
using Rose.Storage;
using Rose.Storage.Outbox;

namespace Rose.Platform.PubSub;

/// <summary>
/// <see cref="IEventPublisher"/> for callers with no transaction of their own: the event is committed
/// to the outbox on its own before this returns, and the drainer publishes it. A caller that changes
/// data and publishes should stage the event in its own SaveChanges instead
/// (<see cref="EventStagingExtensions.StageEvent"/>), so that both commit or neither does.
/// </summary>
public sealed class StagingEventPublisher(IServiceScopeFactory scopes) : IEventPublisher
{
    public async Task PublishAsync<TEvent>(TEvent integrationEvent, CancellationToken cancellationToken = default)
        where TEvent : IntegrationEvent
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var message = EventStagingExtensions.ToOutboxMessage(integrationEvent);
        await using var scope = scopes.CreateAsyncScope();
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(integrationEvent.TenantId))
        {
            var db = scope.ServiceProvider.GetRequiredService<OutboxDbContext>();
            db.Messages.Add(message);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
