using System.Diagnostics;
using OpenTelemetry;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Hands <paramref name="inner"/> only the spans of the named ActivitySources: a second exporter (Langfuse)
/// receives the LLM calls, while the app's main exporter still receives every span.
/// </summary>
public sealed class SourceFilteringProcessor(IReadOnlyCollection<string> sources, BaseProcessor<Activity> inner) : BaseProcessor<Activity>
{
    private readonly HashSet<string> sources = new(sources, StringComparer.Ordinal);

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (sources.Contains(data.Source.Name))
        {
            inner.OnEnd(data);
        }
    }

    protected override bool OnForceFlush(int timeoutMilliseconds) => inner.ForceFlush(timeoutMilliseconds);

    protected override bool OnShutdown(int timeoutMilliseconds) => inner.Shutdown(timeoutMilliseconds);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
