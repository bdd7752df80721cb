using Microsoft.Data.Sqlite;
using Rose.Platform.Telemetry;

namespace Rose.Platform.Embedded.PubSub;

/// <summary>
/// The outbox and dead-letter tables. A publish writes one row per subscriber in one transaction
/// and commits before returning, so an event survives a crash that happens before delivery.
/// </summary>
public sealed class OutboxStore(PlatformDatabase database, TimeProvider time, OutboxSignal signal)
{
    public async Task EnqueueAsync(string eventId, string tenantId, string topic, IEnumerable<string> subscribers, string cloudEvent, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        foreach (var subscriber in subscribers)
        {
            await using var command = connection.Command(
                """
                INSERT INTO outbox (event_id, tenant_id, topic, subscriber, cloud_event, attempts, next_attempt_at, created_at)
                VALUES ($event, $tenant, $topic, $subscriber, $cloudEvent, 0, $now, $now)
                ON CONFLICT (event_id, subscriber) DO NOTHING
                """,
                ("$event", eventId),
                ("$tenant", tenantId),
                ("$topic", topic),
                ("$subscriber", subscriber),
                ("$cloudEvent", cloudEvent),
                ("$now", Now()));
            command.Transaction = transaction;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        signal.Notify();
    }

    public async Task<IReadOnlyList<OutboxDelivery>> DueAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            """
            SELECT id, event_id, tenant_id, topic, subscriber, cloud_event, attempts FROM outbox
            WHERE next_attempt_at <= $now ORDER BY next_attempt_at, id LIMIT $limit
            """,
            ("$now", Now()),
            ("$limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var due = new List<OutboxDelivery>();
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add(new OutboxDelivery(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetInt32(6)));
        }

        return due;
    }

    /// <summary>When the next delivery falls due, or null when the outbox is empty.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT MIN(next_attempt_at) FROM outbox");
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    public async Task CompleteAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM outbox WHERE id = $id", cancellationToken, ("$id", id));
    }

    public async Task RetryLaterAsync(long id, int attempts, TimeSpan wait, string? error, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE outbox SET attempts = $attempts, next_attempt_at = $next, last_error = $error WHERE id = $id",
            cancellationToken,
            ("$id", id),
            ("$attempts", attempts),
            ("$next", time.GetUtcNow().Add(wait).ToUnixTimeMilliseconds()),
            ("$error", error));
    }

    /// <summary>Moves a delivery to the dead-letter table, atomically.</summary>
    public async Task DeadLetterAsync(OutboxDelivery delivery, int attempts, string? error, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = connection.Command(
            """
            INSERT INTO dead_letters (event_id, tenant_id, topic, subscriber, cloud_event, attempts, last_error, dead_at)
            VALUES ($event, $tenant, $topic, $subscriber, $cloudEvent, $attempts, $error, $now)
            """,
            ("$event", delivery.EventId),
            ("$tenant", delivery.TenantId),
            ("$topic", delivery.Topic),
            ("$subscriber", delivery.Subscriber),
            ("$cloudEvent", delivery.CloudEvent),
            ("$attempts", attempts),
            ("$error", error),
            ("$now", Now())))
        {
            insert.Transaction = transaction;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var delete = connection.Command("DELETE FROM outbox WHERE id = $id", ("$id", delivery.Id)))
        {
            delete.Transaction = transaction;
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        PlatformTelemetry.DeadLetters.Add(1, new KeyValuePair<string, object?>(PlatformTelemetry.Topic, delivery.Topic));
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();
}
