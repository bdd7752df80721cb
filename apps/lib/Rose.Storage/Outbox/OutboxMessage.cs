namespace Rose.Storage.Outbox;

/// <summary>
/// One integration event staged in the same transaction as the change it announces, until a drainer
/// has handed it to the runtime's pub/sub. Times are Unix milliseconds (UTC), so that both SQLite and
/// PostgreSQL compare them in SQL when rows are claimed.
/// </summary>
public sealed class OutboxMessage : ITenantOwned
{
    /// <summary>Increases with every staged row: the drainer sends in this order.</summary>
    public long Id { get; set; }

    public string TenantId { get; set; } = string.Empty;

    /// <summary>The event's id, which becomes the CloudEvent id (consumers recognise redeliveries by it).</summary>
    public string EventId { get; set; } = string.Empty;

    public string Topic { get; set; } = string.Empty;

    /// <summary>The Dapr pub/sub component the event travels on (its <c>[EventTopic]</c>'s); the embedded runtime has one.</summary>
    public string PubSubName { get; set; } = string.Empty;

    /// <summary>The event's class name: the CloudEvent type.</summary>
    public string EventType { get; set; } = string.Empty;

    /// <summary>The event as JSON, every property of its runtime type.</summary>
    public string Payload { get; set; } = string.Empty;

    public long CreatedAt { get; set; }

    /// <summary>Failed sends so far.</summary>
    public int Attempts { get; set; }

    public long NextAttemptAt { get; set; }

    /// <summary>Set while a drainer holds the row; another drainer may take it once this has passed.</summary>
    public long? ClaimedUntil { get; set; }

    public string? ClaimToken { get; set; }

    public string? LastError { get; set; }

    /// <summary>When the transport accepted it; sent rows are purged after a day.</summary>
    public long? SentAt { get; set; }

    /// <summary>A W3C traceparent is 55 characters; a little room for a future version.</summary>
    public const int TraceParentMaxLength = 64;

    /// <summary>
    /// The W3C <c>traceparent</c> of the span that staged the event (the chat turn, the workflow step), so
    /// that the drainer publishes it in that trace and the subscriber's handling joins it; null when
    /// nothing was traced.
    /// </summary>
    public string? TraceParent { get; set; }
}
