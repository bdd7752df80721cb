using Microsoft.Data.Sqlite;
using Rose.Platform.PubSub;

namespace Rose.Platform.Embedded.PubSub;

/// <summary>Lists dead-lettered deliveries and puts one back in the outbox for a fresh series of attempts.</summary>
public sealed class DeadLetterStore(PlatformDatabase database, TimeProvider time, OutboxSignal signal) : IDeadLetterStore
{
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(string? tenantId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            """
            SELECT id, event_id, tenant_id, topic, subscriber, attempts, last_error, dead_at, cloud_event FROM dead_letters
            WHERE $tenant IS NULL OR tenant_id = $tenant ORDER BY id DESC LIMIT $limit
            """,
            ("$tenant", tenantId),
            ("$limit", Math.Clamp(limit, 1, 1000)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var letters = new List<DeadLetter>();
        while (await reader.ReadAsync(cancellationToken))
        {
            letters.Add(new DeadLetter(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetInt32(5),
                reader.GetNullableString(6),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
                reader.GetString(8)));
        }

        return letters;
    }

    /// <summary>Moves the dead letter back into the outbox with its attempts reset; false when there is no such dead letter.</summary>
    public async Task<bool> ReplayAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        int moved;
        await using (var insert = connection.Command(
            """
            INSERT INTO outbox (event_id, tenant_id, topic, subscriber, cloud_event, attempts, next_attempt_at, created_at)
            SELECT event_id, tenant_id, topic, subscriber, cloud_event, 0, $now, $now FROM dead_letters WHERE id = $id
            ON CONFLICT (event_id, subscriber) DO NOTHING
            """,
            ("$id", id),
            ("$now", time.GetUtcNow().ToUnixTimeMilliseconds())))
        {
            insert.Transaction = transaction;
            moved = await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        int deleted;
        await using (var delete = connection.Command("DELETE FROM dead_letters WHERE id = $id", ("$id", id)))
        {
            delete.Transaction = transaction;
            deleted = await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (moved > 0)
        {
            signal.Notify();
        }

        return deleted > 0;
    }
}
