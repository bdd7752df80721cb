using System.Globalization;

namespace Rose.Testing.Dapr.Mesh;

/// <summary>
/// The same rules as <see cref="RedisMeshStateStore"/>'s Lua scripts, in memory, for tests that do not
/// start Redis. TTL is checked on read, as Redis expires keys lazily too.
/// </summary>
internal sealed class InMemoryMeshStateStore(TimeProvider clock) : IMeshStateStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public Task<StoredItem?> GetAsync(string key)
    {
        lock (gate)
        {
            return Task.FromResult(Live(key) is { } entry ? new StoredItem(entry.Data, entry.Version.ToString(CultureInfo.InvariantCulture)) : null);
        }
    }

    public Task SetAsync(string key, byte[] value, string? etag, bool firstWrite, int? ttlInSeconds)
    {
        var requested = string.IsNullOrEmpty(etag) ? "0" : etag;
        lock (gate)
        {
            var existing = Live(key);
            var allowed = existing is null
                || existing.Version.ToString(CultureInfo.InvariantCulture) == requested
                || (!existing.FirstWrite && requested == "0");
            if (!allowed)
            {
                throw new StateConflictException($"failed to set key {key}");
            }

            var expires = ttlInSeconds is > 0 ? clock.GetUtcNow().AddSeconds(ttlInSeconds.Value) : ttlInSeconds is null ? existing?.Expires : null;
            entries[key] = new Entry(value, (existing?.Version ?? 0) + 1, firstWrite || (existing?.FirstWrite ?? false), expires);
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(string key, string? etag)
    {
        var requested = string.IsNullOrEmpty(etag) ? "0" : etag;
        lock (gate)
        {
            if (Live(key) is { } existing && requested != "0" && existing.Version.ToString(CultureInfo.InvariantCulture) != requested)
            {
                throw new StateConflictException($"failed to delete {key}");
            }

            entries.Remove(key);
        }

        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Entry? Live(string key)
    {
        if (!entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (entry.Expires is { } expires && expires <= clock.GetUtcNow())
        {
            entries.Remove(key);
            return null;
        }

        return entry;
    }

    private sealed record Entry(byte[] Data, long Version, bool FirstWrite, DateTimeOffset? Expires);
}
