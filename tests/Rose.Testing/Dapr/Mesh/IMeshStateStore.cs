namespace Rose.Testing.Dapr.Mesh;

/// <summary>
/// What the mesh needs of a state store, with components-contrib <c>state/redis</c>'s semantics:
/// versions as ETags, first-write flags, TTL in seconds. Keys arrive already prefixed.
/// </summary>
internal interface IMeshStateStore : IAsyncDisposable
{
    Task<StoredItem?> GetAsync(string key);

    /// <summary>Throws <see cref="StateConflictException"/> when the script of <c>state/redis</c> refuses the write.</summary>
    Task SetAsync(string key, byte[] value, string? etag, bool firstWrite, int? ttlInSeconds);

    Task DeleteAsync(string key, string? etag);
}
