using System.Diagnostics;
using System.Text.Json;
using Rose.Storage;
using Rose.Storage.Outbox;

namespace Rose.Platform.PubSub;

public static class EventStagingExtensions
{
    /// <summary>
    /// Stages <paramref name="integrationEvent"/> in <paramref name="db"/>'s unit of work: it is stored by
    /// the next <c>SaveChanges</c>, in the same transaction as the module's own changes, and published
    /// by the outbox drainer only once that transaction commits. A rollback, or a crash before the
    /// commit, publishes nothing; a crash after it loses nothing. The event must belong to the tenant
    /// the context acts for (saving refuses another tenant's row).
    /// </summary>
    public static OutboxMessage StageEvent(this TenantScopedDbContext db, IntegrationEvent integrationEvent)
    {
        ArgumentNullException.ThrowIfNull(db);
        var message = ToOutboxMessage(integrationEvent);
        db.Set<OutboxMessage>().Add(message);
        return message;
    }

    /// <summary>The W3C traceparent of the current span, if any: the drainer publishes the event in its trace.</summary>
    private static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C, Id: { Length: <= OutboxMessage.TraceParentMaxLength } id } ? id : null;

    internal static OutboxMessage ToOutboxMessage(IntegrationEvent integrationEvent)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        TenantIds.EnsureValid(integrationEvent.TenantId);
        var type = integrationEvent.GetType();
        return new OutboxMessage
        {
            TenantId = integrationEvent.TenantId,
            EventId = integrationEvent.Id.ToString(),
            Topic = Topics.For(type),
            PubSubName = Topics.PubSubFor(type),
            EventType = type.Name,
            // As its runtime type, so that the JSON has every property of the concrete event.
            Payload = JsonSerializer.Serialize(integrationEvent, type, PlatformJson.Options),
            CreatedAt = integrationEvent.CreatedAt.ToUnixTimeMilliseconds(),
            // Due at once, whatever the clocks of the replicas say.
            NextAttemptAt = 0,
            TraceParent = CurrentTraceParent(),
        };
    }
}
