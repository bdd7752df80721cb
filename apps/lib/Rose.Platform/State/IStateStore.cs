namespace Rose.Platform.State;

/// <summary>
/// Key/value state (sessions, conversation memory), shaped after Dapr's state API. Every key
/// belongs to one tenant: the stored key is <c>{tenantId}:{key}</c>. Writes with an ETag are
/// first-write-wins: they succeed only when nobody wrote since the ETag was read.
/// </summary>
public interface IStateStore
{
    /// <summary>The value and its ETag, or null when the key is missing or expired.</summary>
    Task<StateEntry<T>?> GetAsync<T>(string tenantId, string key, CancellationToken cancellationToken = default);

    /// <summary>The entries that exist among <paramref name="keys"/>, keyed by the caller's key.</summary>
    Task<IReadOnlyDictionary<string, StateEntry<T>>> GetBulkAsync<T>(string tenantId, IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default);

    /// <summary>Writes unconditionally (last write wins).</summary>
    Task SaveAsync<T>(string tenantId, string key, T value, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// First-write-wins: with an <paramref name="etag"/>, writes only if the stored ETag still matches;
    /// without one, writes only if the key does not exist. False means somebody else won: re-read and retry.
    /// </summary>
    Task<bool> TrySaveAsync<T>(string tenantId, string key, T value, string? etag, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes the key; with an ETag only if it still matches. False when the ETag did not match.</summary>
    Task<bool> DeleteAsync(string tenantId, string key, string? etag = null, CancellationToken cancellationToken = default);
}
