using System.Globalization;
using System.Text.Json;
using Rose.Platform.State;

namespace Rose.Platform.Embedded;

/// <summary>
/// State in <c>platform.db</c> with Dapr's semantics: the ETag is a version number bumped on
/// every write, first-write-wins is a conditional UPDATE/INSERT in one statement, and an expired
/// row reads as missing (and may be overwritten as if missing).
/// </summary>
public sealed class SqliteStateStore(PlatformDatabase database, TimeProvider time) : IStateStore
{
    public async Task<StateEntry<T>?> GetAsync<T>(string tenantId, string key, CancellationToken cancellationToken = default)
    {
        var entries = await GetBulkAsync<T>(tenantId, [key], cancellationToken);
        return entries.TryGetValue(key, out var entry) ? entry : null;
    }

    public async Task<IReadOnlyDictionary<string, StateEntry<T>>> GetBulkAsync<T>(string tenantId, IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<string, StateEntry<T>>(StringComparer.Ordinal);
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            await using var command = connection.Command(
                "SELECT value, etag FROM state WHERE key = $key AND (expires_at IS NULL OR expires_at > $now)",
                ("$key", StateKeys.Compose(tenantId, key)),
                ("$now", Now()));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                var value = JsonSerializer.Deserialize<T>(reader.GetString(0), PlatformJson.Options)!;
                result[key] = new StateEntry<T>(key, value, reader.GetInt64(1).ToString(CultureInfo.InvariantCulture));
            }
        }

        return result;
    }

    public async Task SaveAsync<T>(string tenantId, string key, T value, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO state (key, tenant_id, value, etag, expires_at) VALUES ($key, $tenant, $value, 1, $expires)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = state.etag + 1, expires_at = excluded.expires_at
            """,
            cancellationToken,
            ("$key", StateKeys.Compose(tenantId, key)),
            ("$tenant", tenantId),
            ("$value", JsonSerializer.Serialize(value, PlatformJson.Options)),
            ("$expires", ExpiresAt(timeToLive)));
    }

    public async Task<bool> TrySaveAsync<T>(string tenantId, string key, T value, string? etag, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        var storedKey = StateKeys.Compose(tenantId, key);
        var json = JsonSerializer.Serialize(value, PlatformJson.Options);
        await using var connection = await database.OpenAsync(cancellationToken);
        if (etag is null)
        {
            // Only if missing, where an expired row counts as missing.
            var inserted = await connection.ExecuteAsync(
                """
                INSERT INTO state (key, tenant_id, value, etag, expires_at) VALUES ($key, $tenant, $value, 1, $expires)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = state.etag + 1, expires_at = excluded.expires_at
                WHERE state.expires_at IS NOT NULL AND state.expires_at <= $now
                """,
                cancellationToken,
                ("$key", storedKey),
                ("$tenant", tenantId),
                ("$value", json),
                ("$expires", ExpiresAt(timeToLive)),
                ("$now", Now()));
            return inserted == 1;
        }

        if (!long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return false;
        }

        var updated = await connection.ExecuteAsync(
            """
            UPDATE state SET value = $value, etag = etag + 1, expires_at = $expires
            WHERE key = $key AND etag = $etag AND (expires_at IS NULL OR expires_at > $now)
            """,
            cancellationToken,
            ("$key", storedKey),
            ("$value", json),
            ("$etag", version),
            ("$expires", ExpiresAt(timeToLive)),
            ("$now", Now()));
        return updated == 1;
    }

    public async Task<bool> DeleteAsync(string tenantId, string key, string? etag = null, CancellationToken cancellationToken = default)
    {
        var storedKey = StateKeys.Compose(tenantId, key);
        await using var connection = await database.OpenAsync(cancellationToken);
        if (etag is null)
        {
            await connection.ExecuteAsync("DELETE FROM state WHERE key = $key", cancellationToken, ("$key", storedKey));
            return true;
        }

        if (!long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return false;
        }

        return await connection.ExecuteAsync(
            "DELETE FROM state WHERE key = $key AND etag = $etag",
            cancellationToken,
            ("$key", storedKey),
            ("$etag", version)) == 1;
    }

    /// <summary>Deletes rows whose time to live has passed; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "DELETE FROM state WHERE expires_at IS NOT NULL AND expires_at <= $now",
            cancellationToken,
            ("$now", Now()));
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();

    private long? ExpiresAt(TimeSpan? timeToLive) =>
        timeToLive is { } ttl ? time.GetUtcNow().Add(ttl).ToUnixTimeMilliseconds() : null;
}
