using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rose.Storage;

namespace Rose.Platform.PubSub;

/// <summary>
/// Hands one event to one subscriber, the same way on both runtimes (Dapr topic route, embedded
/// outbox): deserialize, skip if already handled, run the handler in its own scope, record it.
/// </summary>
public sealed class EventDispatcher(IServiceScopeFactory scopes, HandledEvents handled, ILogger<EventDispatcher> logger)
{
    public async Task<DeliveryResult> DeliverAsync(EventSubscription subscription, JsonElement data, CancellationToken cancellationToken)
    {
        IntegrationEvent? integrationEvent;
        try
        {
            integrationEvent = data.Deserialize(subscription.EventType, PlatformJson.Options) as IntegrationEvent;
        }
        catch (JsonException ex)
        {
            return Drop(subscription, $"The event is not a valid {subscription.EventType.Name}: {ex.Message}");
        }

        if (integrationEvent is null || integrationEvent.Id == Guid.Empty || !TenantIds.IsValid(integrationEvent.TenantId))
        {
            return Drop(subscription, $"The event is not a valid {subscription.EventType.Name}: it needs an id and a valid tenant id.");
        }

        try
        {
            var handledOnce = await handled.HandleOnceAsync(
                integrationEvent.TenantId,
                subscription.Subscriber,
                integrationEvent.Id.ToString(),
                async ct =>
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await subscription.Handle(scope.ServiceProvider, integrationEvent, ct);
                },
                cancellationToken);
            if (handledOnce == HandleOnceResult.InProgressElsewhere)
            {
                // The other delivery may still fail and release its claim: hear about this one again later.
                logger.LogInformation("{Subscriber} is already handling event {EventId} of tenant {TenantId} elsewhere; asking for a redelivery.", subscription.Subscriber, integrationEvent.Id, integrationEvent.TenantId);
                return new DeliveryResult(DeliveryOutcome.Retry, "Another delivery of this event is being handled.");
            }

            return DeliveryResult.Success;
        }
        catch (PoisonEventException ex)
        {
            return Drop(subscription, ex.Message);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "{Subscriber} failed on event {EventId} of tenant {TenantId}; it will be retried.", subscription.Subscriber, integrationEvent.Id, integrationEvent.TenantId);
            return new DeliveryResult(DeliveryOutcome.Retry, ex.Message);
        }
    }

    private DeliveryResult Drop(EventSubscription subscription, string reason)
    {
        logger.LogError("{Subscriber} dropped an event on {Topic}: {Reason}", subscription.Subscriber, subscription.Topic, reason);
        return new DeliveryResult(DeliveryOutcome.Drop, reason);
    }
}
