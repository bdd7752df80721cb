using System.Collections.Concurrent;
using Rose.Geo.Site;

namespace Rose.Geo.Tests.Support;

/// <summary>
/// A test double of the site publisher (tests only): records every call, and can hold the first call
/// until the host stops, as a process killed in the middle of publishing. One instance may serve
/// several hosts in turn (a restart).
/// </summary>
public sealed class RecordingSitePublisher : IGeoSitePublisher
{
    private readonly ConcurrentQueue<PublishCall> calls = new();
    private int held;

    /// <summary>Hold the first call until its cancellation token fires (the host stopping).</summary>
    public bool HoldFirstCall { get; init; }

    public TaskCompletionSource FirstCallEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<PublishCall> Calls => [.. calls];

    public async Task<GeoPublishOutcome> PublishAsync(string tenantId, string publishId, IReadOnlyList<GeoPage> pages, CancellationToken cancellationToken = default)
    {
        calls.Enqueue(new PublishCall(tenantId, publishId, pages));
        FirstCallEntered.TrySetResult();
        if (HoldFirstCall && Interlocked.Exchange(ref held, 1) == 0)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return new GeoPublishOutcome([.. pages.Select(p => $"http://localhost/geo/{tenantId}/{p.Slug}")], "accepted");
    }
}
