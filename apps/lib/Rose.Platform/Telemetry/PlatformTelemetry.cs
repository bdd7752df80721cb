using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Rose.Platform.Telemetry;

/// <summary>
/// The platform's ActivitySource and Meter, both named <see cref="Name"/> (ServiceDefaults adds every
/// <c>Rose.*</c> source and meter): the publish span that carries a chat turn's trace across the outbox,
/// dead letters as they arrive, and the outbox's backlog as the drainer last saw it.
/// </summary>
public static class PlatformTelemetry
{
    public const string Name = "Rose.Platform";

    public const string Topic = "messaging.destination.name";

    public const string MessageId = "messaging.message.id";

    public const string MessagingSystem = "messaging.system";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Events given up on: the embedded dispatcher's dead letters and those Dapr forwards to the dead-letter topic.</summary>
    public static readonly Counter<long> DeadLetters = Meter.CreateCounter<long>(
        "rose.pubsub.dead_letters", "{event}", "Events dead-lettered, by messaging.destination.name (the original topic).");

    private static long pendingOutboxRows;

    static PlatformTelemetry()
    {
        Meter.CreateObservableGauge(
            "rose.outbox.pending", () => Volatile.Read(ref pendingOutboxRows), "{event}",
            "Staged events not yet accepted by the pub/sub, as the outbox drainer last counted them.");
    }

    /// <summary>What <c>rose.outbox.pending</c> reports until the drainer counts again.</summary>
    public static void ReportPendingOutboxRows(long count) => Volatile.Write(ref pendingOutboxRows, count);

    /// <summary>The value <c>rose.outbox.pending</c> reports now.</summary>
    public static long PendingOutboxRows => Volatile.Read(ref pendingOutboxRows);
}
