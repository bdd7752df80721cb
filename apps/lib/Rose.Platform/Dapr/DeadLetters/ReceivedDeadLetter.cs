using Rose.Storage;

namespace Rose.Platform.Dapr.DeadLetters;

/// <summary>
/// An event the sidecar forwarded to a <c>{topic}.dead-letter</c> topic, as the dead-letter reader
/// stored it. daprd republishes the original CloudEvent unchanged, so its id, type and original topic
/// are known; which subscriber failed, and why, are not (daprd does not say).
/// </summary>
public sealed class ReceivedDeadLetter : ITenantOwned
{
    public long Id { get; set; }

    public string TenantId { get; set; } = string.Empty;

    public string EventId { get; set; } = string.Empty;

    /// <summary>The topic the event was published to, where a replay sends it again.</summary>
    public string Topic { get; set; } = string.Empty;

    public string DeadLetterTopic { get; set; } = string.Empty;

    /// <summary>Null on Dapr, which does not say which subscriber gave up; kept for readers that do.</summary>
    public string? Subscriber { get; set; }

    public string? EventType { get; set; }

    public string? Source { get; set; }

    /// <summary>The CloudEvent's <c>data</c>: the event as JSON.</summary>
    public string Payload { get; set; } = string.Empty;

    /// <summary>Null on Dapr, which forwards no error; kept for readers that have one.</summary>
    public string? Error { get; set; }

    /// <summary>Unix milliseconds (UTC), comparable in SQL on both providers.</summary>
    public long ReceivedAt { get; set; }
}
