using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Rose.Chat.Telemetry;

/// <summary>
/// The module's ActivitySource and Meter, both named <see cref="Name"/> (ServiceDefaults adds every
/// <c>Rose.*</c> source and meter): the <c>chat.turn</c> span that parents retrieval and the LLM call,
/// the visitor's time to first token, and turns by outcome.
/// </summary>
public static class ChatTelemetry
{
    public const string Name = "Rose.Chat";

    public const string TurnSpan = "chat.turn";

    public const string Tenant = "rose.tenant_id";

    /// <summary><c>done</c> or <c>error</c>: how the stream of a turn ended.</summary>
    public const string Outcome = "rose.chat.outcome";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>From the start of a turn to its first <c>token</c> event, whoever wrote it (LLM, offline composer, guardrail).</summary>
    public static readonly Histogram<double> TimeToFirstToken = Meter.CreateHistogram<double>(
        "rose.chat.time_to_first_token", "s", "From the start of a chat turn to the first token the visitor receives.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10] });

    public static readonly Counter<long> Turns = Meter.CreateCounter<long>(
        "rose.chat.turns", "{turn}", "Chat turns, by rose.chat.outcome (done or error).");
}
