using Rose.Storage;

namespace Rose.Crm.Webhooks;

/// <summary>What every event handler does: wraps the event in the versioned envelope, fans it out, and makes each new delivery's first attempt at once.</summary>
public sealed class WebhookRelay(WebhookFanOut fanOut, WebhookDispatcher dispatcher, ICurrentTenant currentTenant)
{
    public async Task RelayAsync(string tenantId, Guid eventId, string type, DateTimeOffset createdAt, object data, CancellationToken cancellationToken)
    {
        using (currentTenant.Use(tenantId))
        {
            var payload = WebhookPayloads.Envelope(eventId.ToString(), type, createdAt, tenantId, data);
            foreach (var deliveryId in await fanOut.EnqueueAsync(eventId.ToString(), type, payload, cancellationToken))
            {
                // A failure here is the delivery's, not the event's: it is retried by the delivery job, not by redelivering the event.
                await dispatcher.DeliverAsync(deliveryId, cancellationToken);
            }
        }
    }
}
