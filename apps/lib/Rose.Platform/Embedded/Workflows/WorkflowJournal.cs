using Microsoft.Data.Sqlite;
using Rose.Platform.Workflows;

namespace Rose.Platform.Embedded.Workflows;

/// <summary>
/// The embedded runner's durable memory in <c>platform.db</c>: instances with their status, the
/// history of completed steps, and external events not consumed yet.
/// </summary>
public sealed class WorkflowJournal(PlatformDatabase database, TimeProvider time)
{
    private static readonly string[] Unfinished = [nameof(WorkflowRunStatus.Pending), nameof(WorkflowRunStatus.Running)];

    /// <summary>Creates the instance; an unfinished instance with the same id is an error, a finished one is replaced.</summary>
    public async Task CreateAsync(string instanceId, string tenantId, string name, string? parentInstanceId, string? input, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var existing = await ReadAsync(connection, transaction, instanceId, cancellationToken);
        if (existing is { IsFinished: false })
        {
            throw new InvalidOperationException($"Workflow instance '{instanceId}' already exists and is {existing.Status}.");
        }

        foreach (var sql in new[]
        {
            "DELETE FROM workflow_history WHERE instance_id = $id",
            "DELETE FROM workflow_events WHERE instance_id = $id",
            "DELETE FROM workflow_instances WHERE instance_id = $id",
        })
        {
            await ExecuteAsync(connection, transaction, sql, cancellationToken, ("$id", instanceId));
        }

        var now = Now();
        await ExecuteAsync(
            connection,
            transaction,
            """
            INSERT INTO workflow_instances (instance_id, tenant_id, name, parent_instance_id, status, input, created_at, updated_at)
            VALUES ($id, $tenant, $name, $parent, $status, $input, $now, $now)
            """,
            cancellationToken,
            ("$id", instanceId),
            ("$tenant", tenantId),
            ("$name", name),
            ("$parent", parentInstanceId),
            ("$status", nameof(WorkflowRunStatus.Pending)),
            ("$input", input),
            ("$now", now));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<WorkflowInstanceRecord?> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadAsync(connection, null, instanceId, cancellationToken);
    }

    /// <summary>Top-level instances a previous process left unfinished; children resume through their parents.</summary>
    public async Task<IReadOnlyList<string>> UnfinishedRootsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT instance_id FROM workflow_instances WHERE parent_instance_id IS NULL AND status IN ($pending, $running) ORDER BY created_at",
            ("$pending", Unfinished[0]),
            ("$running", Unfinished[1]));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>Moves an unfinished instance to <paramref name="status"/>; a finished one (e.g. terminated) stays as it is.</summary>
    public async Task<bool> SetStatusAsync(string instanceId, WorkflowRunStatus status, string? output, string? failure, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            """
            UPDATE workflow_instances SET status = $status, output = COALESCE($output, output), failure = $failure, updated_at = $now
            WHERE instance_id = $id AND status IN ($pending, $running)
            """,
            cancellationToken,
            ("$id", instanceId),
            ("$status", status.ToString()),
            ("$output", output),
            ("$failure", failure),
            ("$now", Now()),
            ("$pending", Unfinished[0]),
            ("$running", Unfinished[1])) == 1;
    }

    /// <summary>Terminates the instance and its unfinished children.</summary>
    public async Task<bool> TerminateAsync(string instanceId, string? reason, CancellationToken cancellationToken)
    {
        var terminated = await SetStatusAsync(instanceId, WorkflowRunStatus.Terminated, null, reason, cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT instance_id FROM workflow_instances WHERE parent_instance_id = $id AND status IN ($pending, $running)",
            ("$id", instanceId),
            ("$pending", Unfinished[0]),
            ("$running", Unfinished[1]));
        var children = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                children.Add(reader.GetString(0));
            }
        }

        foreach (var child in children)
        {
            await TerminateAsync(child, reason, cancellationToken);
        }

        return terminated;
    }

    public void SetCustomStatus(string instanceId, string? customStatus)
    {
        using var connection = database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        using var command = connection.Command(
            "UPDATE workflow_instances SET custom_status = $status, updated_at = $now WHERE instance_id = $id",
            ("$id", instanceId),
            ("$status", customStatus),
            ("$now", Now()));
        command.ExecuteNonQuery();
    }

    /// <summary>Starts the instance over with a new input (ContinueAsNew): history cleared, status running.</summary>
    public async Task RestartAsync(string instanceId, string? input, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM workflow_history WHERE instance_id = $id", cancellationToken, ("$id", instanceId));
        await connection.ExecuteAsync(
            "UPDATE workflow_instances SET input = $input, status = $status, updated_at = $now WHERE instance_id = $id",
            cancellationToken,
            ("$id", instanceId),
            ("$input", input),
            ("$status", nameof(WorkflowRunStatus.Running)),
            ("$now", Now()));
    }

    public async Task<IReadOnlyDictionary<int, WorkflowHistoryEntry>> HistoryAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT sequence, kind, name, result, failure, completed_at FROM workflow_history WHERE instance_id = $id",
            ("$id", instanceId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var history = new Dictionary<int, WorkflowHistoryEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var entry = new WorkflowHistoryEntry(
                reader.GetInt32(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetNullableString(3),
                reader.GetNullableString(4),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)));
            history[entry.Sequence] = entry;
        }

        return history;
    }

    public async Task<WorkflowHistoryEntry> RecordAsync(string instanceId, int sequence, string kind, string name, string? result, string? failure, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO workflow_history (instance_id, sequence, kind, name, result, failure, completed_at)
            VALUES ($id, $sequence, $kind, $name, $result, $failure, $now)
            """,
            cancellationToken,
            ("$id", instanceId),
            ("$sequence", sequence),
            ("$kind", kind),
            ("$name", name),
            ("$result", result),
            ("$failure", failure),
            ("$now", now));
        return new WorkflowHistoryEntry(sequence, kind, name, result, failure, DateTimeOffset.FromUnixTimeMilliseconds(now));
    }

    public async Task AddEventAsync(string instanceId, string name, string? payload, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO workflow_events (instance_id, name, payload, received_at) VALUES ($id, $name, $payload, $now)",
            cancellationToken,
            ("$id", instanceId),
            ("$name", name),
            ("$payload", payload),
            ("$now", Now()));
    }

    /// <summary>
    /// Takes the oldest pending event named <paramref name="name"/> and records it as step
    /// <paramref name="sequence"/>, in one transaction; null when no such event arrived yet.
    /// </summary>
    public async Task<WorkflowHistoryEntry?> ConsumeEventAsync(string instanceId, string name, int sequence, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        long id;
        string? payload;
        await using (var select = connection.Command(
            "SELECT id, payload FROM workflow_events WHERE instance_id = $id AND name = $name ORDER BY id LIMIT 1",
            ("$id", instanceId),
            ("$name", name)))
        {
            select.Transaction = transaction;
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            id = reader.GetInt64(0);
            payload = reader.GetNullableString(1);
        }

        var now = Now();
        await ExecuteAsync(connection, transaction, "DELETE FROM workflow_events WHERE id = $id", cancellationToken, ("$id", id));
        await ExecuteAsync(
            connection,
            transaction,
            """
            INSERT INTO workflow_history (instance_id, sequence, kind, name, result, failure, completed_at)
            VALUES ($id, $sequence, $kind, $name, $result, NULL, $now)
            """,
            cancellationToken,
            ("$id", instanceId),
            ("$sequence", sequence),
            ("$kind", WorkflowStepKinds.ExternalEvent),
            ("$name", name),
            ("$result", payload),
            ("$now", now));
        await transaction.CommitAsync(cancellationToken);
        return new WorkflowHistoryEntry(sequence, WorkflowStepKinds.ExternalEvent, name, payload, null, DateTimeOffset.FromUnixTimeMilliseconds(now));
    }

    /// <summary>Deletes finished instances last updated before <paramref name="finishedBefore"/>, with their history and events.</summary>
    public async Task<int> PurgeFinishedAsync(DateTimeOffset finishedBefore, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        const string Finished = "SELECT instance_id FROM workflow_instances WHERE status IN ('Completed', 'Failed', 'Terminated') AND updated_at < $before";
        var cutoff = ("$before", (object?)finishedBefore.ToUnixTimeMilliseconds());
        await ExecuteAsync(connection, transaction, $"DELETE FROM workflow_history WHERE instance_id IN ({Finished})", cancellationToken, cutoff);
        await ExecuteAsync(connection, transaction, $"DELETE FROM workflow_events WHERE instance_id IN ({Finished})", cancellationToken, cutoff);
        await using var delete = connection.Command($"DELETE FROM workflow_instances WHERE instance_id IN ({Finished})", cutoff);
        delete.Transaction = transaction;
        var purged = await delete.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return purged;
    }

    private static async Task<WorkflowInstanceRecord?> ReadAsync(SqliteConnection connection, SqliteTransaction? transaction, string instanceId, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            """
            SELECT instance_id, tenant_id, name, parent_instance_id, status, input, output, custom_status, failure, created_at, updated_at
            FROM workflow_instances WHERE instance_id = $id
            """,
            ("$id", instanceId));
        command.Transaction = transaction;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new WorkflowInstanceRecord(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.GetNullableString(3),
            Enum.Parse<WorkflowRunStatus>(reader.GetString(4)),
            reader.GetNullableString(5),
            reader.GetNullableString(6),
            reader.GetNullableString(7),
            reader.GetNullableString(8),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(10)));
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(sql, parameters);
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();
}
