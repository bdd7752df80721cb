using System.Diagnostics;
using OpenTelemetry;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// A batch export processor that exports only the spans of the named ActivitySources: a second exporter
/// (Langfuse) receives the LLM calls, while the app's main exporter still receives every span. A subclass
/// rather than a wrapper, so that the SDK still hands the exporter its provider (and with it the resource).
/// </summary>
public sealed class SourceFilteringBatchExportProcessor(IReadOnlyCollection<string> sources, BaseExporter<Activity> exporter)
    : BatchActivityExportProcessor(exporter)
{
    private readonly HashSet<string> sources = new(sources, StringComparer.Ordinal);

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (sources.Contains(data.Source.Name))
        {
            base.OnEnd(data);
        }
    }
}
