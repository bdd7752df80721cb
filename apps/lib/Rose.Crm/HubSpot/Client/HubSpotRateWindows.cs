using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Rose.Crm.HubSpot.Client;

/// <summary>One rolling 10-second window per tenant, for the app's lifetime (the HTTP handlers that use them are recycled every few minutes).</summary>
public sealed class HubSpotRateWindows(IOptions<HubSpotOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, SlidingWindowRateLimiter> windows = new(StringComparer.Ordinal);

    public SlidingWindowRateLimiter For(string tenantId) =>
        windows.GetOrAdd(tenantId, _ => new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = options.Value.RequestsPerTenSeconds,
            Window = TimeSpan.FromSeconds(10),
            SegmentsPerWindow = 10,
            QueueLimit = 10_000,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }));

    public void Dispose()
    {
        foreach (var window in windows.Values)
        {
            window.Dispose();
        }
    }
}
