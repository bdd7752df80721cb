using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Rose.Chat.Api;

/// <summary>Caps the answers streaming at once per tenant, so one busy site cannot starve the others.</summary>
public sealed class TenantStreamSlots(IOptions<ChatOptions> options)
{
    private readonly ConcurrentDictionary<string, int> inUse = new(StringComparer.Ordinal);

    /// <summary>A slot to release when the stream ends, or null when the tenant is at its cap.</summary>
    public IDisposable? TryTake(string tenantId)
    {
        var limit = options.Value.MaxConcurrentStreamsPerTenant;
        while (true)
        {
            var current = inUse.GetOrAdd(tenantId, 0);
            if (current >= limit)
            {
                return null;
            }

            if (inUse.TryUpdate(tenantId, current + 1, current))
            {
                return new Slot(this, tenantId);
            }
        }
    }

    private void Release(string tenantId) => inUse.AddOrUpdate(tenantId, 0, (_, n) => Math.Max(0, n - 1));

    private sealed class Slot(TenantStreamSlots owner, string tenantId) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                owner.Release(tenantId);
            }
        }
    }
}
