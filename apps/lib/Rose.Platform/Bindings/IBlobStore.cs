namespace Rose.Platform.Bindings;

/// <summary>
/// Blobs (GEO pages, uploads), shaped after Dapr's blob output bindings (create/get/list/delete).
/// Every path lives under its tenant: the stored name is <c>{tenantId}/{path}</c>.
/// </summary>
public interface IBlobStore
{
    Task PutAsync(string tenantId, string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>The content, or null when there is no such blob.</summary>
    Task<byte[]?> GetAsync(string tenantId, string path, CancellationToken cancellationToken = default);

    /// <summary>The tenant's blob paths (relative to the tenant) that start with <paramref name="prefix"/>.</summary>
    Task<IReadOnlyList<string>> ListAsync(string tenantId, string prefix = "", CancellationToken cancellationToken = default);

    Task DeleteAsync(string tenantId, string path, CancellationToken cancellationToken = default);
}
