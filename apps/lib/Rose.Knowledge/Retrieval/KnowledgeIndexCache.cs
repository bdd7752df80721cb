using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Rose.Knowledge.Retrieval;

/// <summary>
/// The per-tenant snapshots of this process. A snapshot is immutable, so readers never see a
/// document half-replaced; when a tenant's knowledge changes (after a commit here, or on a
/// <c>knowledge.updated</c> event) its next snapshot is built in the background and swapped in,
/// and searches are served from the previous one meanwhile: no question waits for an index build
/// except the very first of a tenant in this process.
/// </summary>
public sealed class KnowledgeIndexCache(KnowledgeIndexLoader loader, ILogger<KnowledgeIndexCache>? logger = null) : IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan LocalChangeMemory = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, TenantSnapshots> tenants = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, long> localChanges = new();
    private readonly ILogger log = logger ?? NullLogger<KnowledgeIndexCache>.Instance;

    public Task<TenantKnowledgeIndex> GetAsync(string tenantId, CancellationToken cancellationToken) =>
        Snapshots(tenantId).GetAsync(cancellationToken);

    /// <summary>
    /// The tenant's knowledge changed: if this process holds a snapshot of it, a new one is built
    /// in the background (searches keep the old one until it is ready); otherwise the tenant's
    /// first search here loads the current state.
    /// </summary>
    public void Invalidate(string tenantId)
    {
        if (tenants.TryGetValue(tenantId, out var snapshots) && snapshots.IsLoaded)
        {
            _ = snapshots.RefreshAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Builds the tenant's snapshot of the current state and returns once it serves searches (the
    /// indexing process calls it after a commit, so that "indexed" means searchable here). A tenant
    /// this process holds no snapshot of needs none: its first search loads the state from now on
    /// (so loading a hundred documents nobody searches yet builds nothing). A failed build is
    /// logged and the previous snapshot keeps serving; the next search tries again.
    /// </summary>
    public Task RefreshAsync(string tenantId, CancellationToken cancellationToken) =>
        tenants.TryGetValue(tenantId, out var snapshots) && snapshots.IsLoaded ? snapshots.RefreshAsync(cancellationToken) : Task.CompletedTask;

    /// <summary>
    /// The change of this event is committed by this process, which refreshes its snapshot itself
    /// (<see cref="RefreshAsync"/>): when the event comes back here, <see cref="IsRefreshedLocally"/>
    /// says so and no second build runs. Entries of events that never come back (a process without
    /// the subscription) are forgotten after <see cref="LocalChangeMemory"/>.
    /// </summary>
    public void RefreshesLocally(Guid eventId)
    {
        var now = Environment.TickCount64;
        foreach (var (id, at) in localChanges)
        {
            if (now - at > (long)LocalChangeMemory.TotalMilliseconds)
            {
                localChanges.TryRemove(id, out _);
            }
        }

        localChanges[eventId] = now;
    }

    /// <summary>Whether this process committed the event's change and refreshed for it; answers true once.</summary>
    public bool IsRefreshedLocally(Guid eventId) => localChanges.TryRemove(eventId, out _);

    /// <summary>
    /// Drops the tenant's snapshots from this process (off-boarding): the memory is freed once the build
    /// in progress, if any, has ended, and nothing of the tenant is rebuilt unless it is searched again.
    /// </summary>
    public async Task EvictAsync(string tenantId)
    {
        if (tenants.TryRemove(tenantId, out var snapshots))
        {
            await snapshots.DrainAsync();
        }
    }

    /// <summary>Whether this process holds a snapshot of the tenant, or is building its first one.</summary>
    public bool Holds(string tenantId) => tenants.ContainsKey(tenantId);

    /// <summary>Builds the snapshot now rather than on the first search.</summary>
    public Task WarmAsync(string tenantId, CancellationToken cancellationToken) => GetAsync(tenantId, cancellationToken);

    /// <summary>No build outlives the host: disposing waits for those in progress (they read storage the host is about to close).</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var snapshots in tenants.Values)
        {
            await snapshots.DrainAsync();
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private TenantSnapshots Snapshots(string tenantId) => tenants.GetOrAdd(tenantId, id => new TenantSnapshots(id, ct => loader.LoadAsync(id, ct), log));
}
