using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Rose.Crm.HubSpot.Data;
using Rose.Storage;

namespace Rose.Crm.HubSpot.Webhooks;

/// <summary>
/// Applies a verified webhook batch: each event to the tenant whose portal it names, once per event
/// id (HubSpot redelivers), as a change of Rose's view of the lead — lifecycle stage, owner, e-mail,
/// deletion. Events of portals no tenant connected are ignored.
/// </summary>
public sealed class HubSpotWebhookProcessor(
    HubSpotDbContext db,
    HubSpotDirectoryDbContext directory,
    ICurrentTenant currentTenant,
    TimeProvider clock,
    ILogger<HubSpotWebhookProcessor> logger)
{
    /// <summary>HubSpot's object type id of contacts, in the generic <c>object.*</c> subscriptions.</summary>
    private const string ContactObjectType = "0-1";

    public async Task<int> ApplyAsync(IReadOnlyList<HubSpotWebhookEvent> events, CancellationToken cancellationToken)
    {
        var applied = 0;
        foreach (var portal in events.GroupBy(e => e.PortalId))
        {
            var tenantId = await directory.Portals.AsNoTracking().Where(p => p.PortalId == portal.Key).Select(p => p.TenantId).FirstOrDefaultAsync(cancellationToken);
            if (tenantId is null)
            {
                logger.LogInformation("HubSpot webhook for portal {PortalId}, which no tenant has connected: ignored", portal.Key);
                continue;
            }

            using (currentTenant.Use(tenantId))
            {
                foreach (var hubSpotEvent in portal.OrderBy(e => e.OccurredAt))
                {
                    if (await ApplyOnceAsync(hubSpotEvent, cancellationToken))
                    {
                        applied++;
                    }
                }
            }
        }

        return applied;
    }

    /// <summary>Forgets applied event ids older than <paramref name="retention"/> (HubSpot stops retrying long before).</summary>
    public async Task<int> PurgeReceivedAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - retention;
        return await db.ReceivedEvents.Where(e => e.ReceivedAt < before).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<bool> ApplyOnceAsync(HubSpotWebhookEvent hubSpotEvent, CancellationToken cancellationToken)
    {
        if (await db.ReceivedEvents.AnyAsync(e => e.EventId == hubSpotEvent.EventId, cancellationToken))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        db.ReceivedEvents.Add(new HubSpotReceivedEvent { EventId = hubSpotEvent.EventId, ReceivedAt = now });
        if (IsContact(hubSpotEvent))
        {
            await ApplyToContactAsync(hubSpotEvent, now, cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // The same event applied at the same moment by another delivery (its id is the key): one of them counts.
            db.ChangeTracker.Clear();
            if (await db.ReceivedEvents.AnyAsync(e => e.EventId == hubSpotEvent.EventId, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    private async Task ApplyToContactAsync(HubSpotWebhookEvent hubSpotEvent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var contactId = hubSpotEvent.ObjectId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.ContactId == contactId, cancellationToken);
        if (contact is null)
        {
            contact = new HubSpotContactLink { ContactId = contactId };
            db.Contacts.Add(contact);
        }

        var kind = hubSpotEvent.SubscriptionType?.Split('.').LastOrDefault();
        switch (kind)
        {
            case "deletion" or "privacyDeletion":
                contact.Deleted = true;
                break;
            case "restore" or "creation":
                contact.Deleted = false;
                break;
            case "propertyChange":
                switch (hubSpotEvent.PropertyName)
                {
                    case "lifecyclestage":
                        contact.LifecycleStage = Blank(hubSpotEvent.PropertyValue);
                        break;
                    case "hubspot_owner_id":
                        contact.OwnerId = Blank(hubSpotEvent.PropertyValue);
                        break;
                    case "email":
                        contact.Email = Blank(hubSpotEvent.PropertyValue)?.ToLowerInvariant();
                        break;
                }

                break;
        }

        contact.UpdatedAt = now;
    }

    private static bool IsContact(HubSpotWebhookEvent hubSpotEvent) =>
        hubSpotEvent.SubscriptionType is { } type
        && (type.StartsWith("contact.", StringComparison.Ordinal) || (type.StartsWith("object.", StringComparison.Ordinal) && hubSpotEvent.ObjectTypeId == ContactObjectType));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
