namespace Rose.Benchmarks;

/// <summary>How one request of a visitor ended, as the visitor saw it.</summary>
internal enum VisitorRequestOutcome
{
    /// <summary>The stream ended with <c>done</c> (a turn), or the request was accepted (lead, events, new conversation).</summary>
    Answered,

    /// <summary>The stream ended with an <c>error</c> event: a clear answer that the turn failed (nothing stored).</summary>
    ErrorEvent,

    /// <summary>429 from the per-visitor rate limit.</summary>
    RateLimited,

    /// <summary>429 because the tenant's cap on answers streaming at once was reached.</summary>
    StreamCapReached,

    /// <summary>Any other HTTP status that is not success.</summary>
    HttpError,

    /// <summary>Refused or reset connection (the host was down).</summary>
    ConnectionFailed,

    /// <summary>No first byte, or no end of stream, within the visitor's patience: a hang.</summary>
    TimedOut,

    /// <summary>The stream closed without <c>done</c> or <c>error</c>.</summary>
    BrokenStream,
}
