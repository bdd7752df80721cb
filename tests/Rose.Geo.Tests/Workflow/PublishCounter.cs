using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rose.Geo.Site;

namespace Rose.Geo.Tests.Workflow;

/// <summary>
/// Wraps the worker's real site publisher (tests only): counts its calls across worker restarts and,
/// when <see cref="HoldAfterFirstPublish"/>, lets the first call finish its work — pages written through
/// the blob binding, manifest switched, IndexNow pinged — and then never return, until the host stops:
/// a process killed after the publish did its work and before the workflow heard of it.
/// </summary>
public sealed class PublishCounter
{
    private int calls;

    public bool HoldAfterFirstPublish { get; set; }

    public int Calls => Volatile.Read(ref calls);

    /// <summary>Set once the first call's publish has done its work (and is being held).</summary>
    public TaskCompletionSource FirstPublishDone { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Puts the wrapper in front of the <see cref="IGeoSitePublisher"/> the app registered.</summary>
    public void Decorate(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IGeoSitePublisher));
        var implementation = registered.ImplementationType ?? throw new InvalidOperationException("The site publisher is expected to be registered by type.");
        services.Remove(registered);
        services.Add(new ServiceDescriptor(implementation, implementation, registered.Lifetime));
        services.Add(new ServiceDescriptor(typeof(IGeoSitePublisher), provider => new Counting(
            this, (IGeoSitePublisher)provider.GetRequiredService(implementation), provider.GetRequiredService<IHostApplicationLifetime>()), registered.Lifetime));
    }

    private sealed class Counting(PublishCounter counter, IGeoSitePublisher inner, IHostApplicationLifetime lifetime) : IGeoSitePublisher
    {
        public async Task<GeoPublishOutcome> PublishAsync(string tenantId, string publishId, IReadOnlyList<GeoPage> pages, CancellationToken cancellationToken = default)
        {
            var call = Interlocked.Increment(ref counter.calls);
            var outcome = await inner.PublishAsync(tenantId, publishId, pages, cancellationToken);
            if (call == 1 && counter.HoldAfterFirstPublish)
            {
                counter.FirstPublishDone.TrySetResult();
                await Task.Delay(Timeout.Infinite, lifetime.ApplicationStopping);
            }

            return outcome;
        }
    }
}
