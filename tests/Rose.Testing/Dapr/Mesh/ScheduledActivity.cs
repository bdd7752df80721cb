using Dapr.DurableTask.Protobuf;

namespace Rose.Testing.Dapr.Mesh;

/// <summary>A <c>TaskScheduled</c> event waiting for its result, and the stream it was last handed to (null: waiting for a worker).</summary>
internal sealed class ScheduledActivity(HistoryEvent scheduled)
{
    public HistoryEvent Scheduled { get; } = scheduled;

    public string? Token { get; set; }

    public WorkItemStream? Stream { get; set; }
}
