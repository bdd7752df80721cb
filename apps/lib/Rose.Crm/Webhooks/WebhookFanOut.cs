using Microsoft.EntityFrameworkCore;
using Rose.Crm.Webhooks.Data;
using Rose.Storage;

namespace Rose.Crm.Webhooks;

/// <summary>Turns one event into one pending delivery per enabled endpoint of the tenant that subscribed to it.</summary>
public sealed class WebhookFanOut(WebhookDbContext db, TimeProvider clock)
{
    /// <summary>The ids of the deliveries created now (none for an event already fanned out).</summary>
    public async Task<IReadOnlyList<string>> EnqueueAsync(string eventId, string eventType, string payload, CancellationToken cancellationToken)
    {
        var endpoints = (await db.Endpoints.AsNoTracking().Where(e => e.DisabledAt == null).ToListAsync(cancellationToken))
            .Where(e => e.EventList.Contains(eventType, StringComparer.Ordinal)).Select(e => e.Id).ToList();
        if (endpoints.Count == 0)
        {
            return [];
        }

        var known = await db.Deliveries.AsNoTracking().Where(d => d.EventId == eventId).Select(d => d.EndpointId).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var created = endpoints.Except(known, StringComparer.Ordinal).Select(endpointId => new WebhookDelivery
        {
            Id = "dlv_" + Guid.CreateVersion7().ToString("N"),
            EndpointId = endpointId,
            EventId = eventId,
            EventType = eventType,
            Payload = payload,
            Status = WebhookDeliveryStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        }).ToList();
        db.Deliveries.AddRange(created);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same event fanned out at once by another delivery of it: the unique index kept one of each.
            db.ChangeTracker.Clear();
            return [];
        }

        return created.Select(d => d.Id).ToList();
    }
}
