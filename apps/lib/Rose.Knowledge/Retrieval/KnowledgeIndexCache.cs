using System.Collections.Concurrent;

namespace Rose.Knowledge.Retrieval;

/// <summary>
/// The per-tenant snapshots of this process, loaded lazily on the first search and dropped when
/// the tenant's knowledge changes (<see cref="Invalidate"/>, called after a commit or on a
/// <c>knowledge.updated</c> event); the next search loads the new state. A snapshot that is
/// being searched is never modified, so readers never see a document half-replaced.
/// </summary>
public sealed class KnowledgeIndexCache(KnowledgeIndexLoader loader)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TenantKnowledgeIndex>>> snapshots = new(StringComparer.Ordinal);

    public async Task<TenantKnowledgeIndex> GetAsync(string tenantId, CancellationToken cancellationToken)
    {
        var entry = snapshots.GetOrAdd(tenantId, id => new Lazy<Task<TenantKnowledgeIndex>>(() => loader.LoadAsync(id, CancellationToken.None)));
        try
        {
            return await entry.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A failed load must not stick: the next search tries again.
            snapshots.TryRemove(new KeyValuePair<string, Lazy<Task<TenantKnowledgeIndex>>>(tenantId, entry));
            throw;
        }
    }

    /// <summary>Forgets the tenant's snapshot; searches already running finish on the old one.</summary>
    public void Invalidate(string tenantId) => snapshots.TryRemove(tenantId, out _);

    /// <summary>Builds the snapshot now rather than on the first search (after a change, so the next question is fast).</summary>
    public Task WarmAsync(string tenantId, CancellationToken cancellationToken) => GetAsync(tenantId, cancellationToken);
}
