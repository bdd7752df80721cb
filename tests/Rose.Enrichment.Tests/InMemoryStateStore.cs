using System.Collections.Concurrent;
using System.Text.Json;
using Rose.Platform.State;

namespace Rose.Enrichment.Tests;

/// <summary>
/// A state store in memory with the port's rules (tenant-prefixed keys, first-write-wins ETags, TTL),
/// values kept as JSON as the real stores keep them; shared by the "replicas" of a test as one store is.
/// </summary>
public sealed class InMemoryStateStore(TimeProvider? clock = null) : IStateStore
{
    private readonly TimeProvider time = clock ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, (string Json, string ETag, DateTimeOffset? Expires)> entries = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public IReadOnlyCollection<string> Keys => [.. entries.Keys];

    public Task<StateEntry<T>?> GetAsync<T>(string tenantId, string key, CancellationToken cancellationToken = default)
    {
        var stored = StateKeys.Compose(tenantId, key);
        return Task.FromResult(Live(stored) is { } entry ? new StateEntry<T>(key, JsonSerializer.Deserialize<T>(entry.Json)!, entry.ETag) : null);
    }

    public async Task<IReadOnlyDictionary<string, StateEntry<T>>> GetBulkAsync<T>(string tenantId, IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<string, StateEntry<T>>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (await GetAsync<T>(tenantId, key, cancellationToken) is { } entry)
            {
                found[key] = entry;
            }
        }

        return found;
    }

    public Task SaveAsync<T>(string tenantId, string key, T value, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            entries[StateKeys.Compose(tenantId, key)] = (JsonSerializer.Serialize(value), Guid.NewGuid().ToString("N"), Expiry(timeToLive));
        }

        return Task.CompletedTask;
    }

    public Task<bool> TrySaveAsync<T>(string tenantId, string key, T value, string? etag, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        var stored = StateKeys.Compose(tenantId, key);
        lock (gate)
        {
            var current = Live(stored);
            if (etag is null ? current is not null : current?.ETag != etag)
            {
                return Task.FromResult(false);
            }

            entries[stored] = (JsonSerializer.Serialize(value), Guid.NewGuid().ToString("N"), Expiry(timeToLive));
            return Task.FromResult(true);
        }
    }

    public Task<bool> DeleteAsync(string tenantId, string key, string? etag = null, CancellationToken cancellationToken = default)
    {
        var stored = StateKeys.Compose(tenantId, key);
        lock (gate)
        {
            if (etag is not null && Live(stored)?.ETag != etag)
            {
                return Task.FromResult(false);
            }

            entries.TryRemove(stored, out _);
            return Task.FromResult(true);
        }
    }

    private (string Json, string ETag, DateTimeOffset? Expires)? Live(string stored) =>
        entries.TryGetValue(stored, out var entry) && (entry.Expires is null || entry.Expires > time.GetUtcNow()) ? entry : null;

    private DateTimeOffset? Expiry(TimeSpan? timeToLive) => timeToLive is { } ttl ? time.GetUtcNow() + ttl : null;
}
