using Microsoft.Extensions.Logging;

namespace Rose.Knowledge.Retrieval;

/// <summary>
/// One tenant's snapshot in this process and the build of its next one. Searches always get the
/// newest finished snapshot at once; a change asks for a new build, which runs in the background
/// and is swapped in when done. A change that arrives during a build asks for one more (the build
/// may have read the database before the change committed). Only the very first load of a tenant
/// is waited for: there is nothing older to serve.
/// </summary>
internal sealed class TenantSnapshots(string tenantId, Func<CancellationToken, Task<TenantKnowledgeIndex>> load, ILogger logger)
{
    private readonly Lock gate = new();
    private TenantKnowledgeIndex? current;
    private Task<TenantKnowledgeIndex>? building;
    private long requested;
    private long built = -1;

    public bool IsLoaded
    {
        get
        {
            lock (gate)
            {
                return current is not null || building is not null;
            }
        }
    }

    public Task<TenantKnowledgeIndex> GetAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (current is not null)
            {
                // Stale (a change, or a failed rebuild): serve this one, build the next off the request path.
                if (requested > built)
                {
                    building ??= BuildAsync(requested);
                }

                return Task.FromResult(current);
            }

            building ??= BuildAsync(requested);
            return building.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Waits for the build in progress, and any it chains, to end (when the host shuts down).</summary>
    public async Task DrainAsync()
    {
        while (true)
        {
            Task<TenantKnowledgeIndex>? running;
            lock (gate)
            {
                running = building;
            }

            if (running is null)
            {
                return;
            }

            try
            {
                await running;
            }
            catch (Exception)
            {
                // Logged by the build.
            }
        }
    }

    /// <summary>Asks for a snapshot of the state from now on; returns when it serves searches (or its build failed: logged, retried by the next search).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        long target;
        lock (gate)
        {
            target = ++requested;
            building ??= BuildAsync(target);
        }

        while (true)
        {
            Task<TenantKnowledgeIndex> running;
            lock (gate)
            {
                if (built >= target)
                {
                    return;
                }

                running = building ??= BuildAsync(requested);
            }

            try
            {
                await running.WaitAsync(cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Logged by the build; the previous snapshot keeps serving.
                return;
            }
        }
    }

    private async Task<TenantKnowledgeIndex> BuildAsync(long generation)
    {
        // Off the caller's thread and request: the caller only ever waits when it has nothing to serve.
        await Task.Yield();
        try
        {
            var snapshot = await load(CancellationToken.None);
            lock (gate)
            {
                if (generation > built)
                {
                    // Searches still running on the previous snapshot finish on it: it is not disposed here.
                    (current, built) = (snapshot, generation);
                }

                building = requested > built ? BuildAsync(requested) : null;
                return snapshot;
            }
        }
        catch (Exception e)
        {
            lock (gate)
            {
                building = null;
            }

            logger.LogWarning(e, "Building the knowledge snapshot of tenant {TenantId} failed; {Serving}", tenantId, current is null ? "the next search tries again" : "the previous snapshot keeps serving");
            throw;
        }
    }
}
