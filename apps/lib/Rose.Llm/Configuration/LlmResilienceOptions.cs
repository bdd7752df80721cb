namespace Rose.Llm.Configuration;

/// <summary><c>Rose:Llm:Resilience</c>: how hard Rose tries one provider before moving to the next.</summary>
public sealed class LlmResilienceOptions
{
    /// <summary>Longest wait for the response headers and the first token, and then between two tokens.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Longest wait for the first token of a call a visitor waits on (a streamed answer, a query rewrite,
    /// a skill choice, suggestions): a provider that has not started by then is abandoned (a failure for
    /// its circuit) and the next provider, or the offline composer, answers. Once tokens flow,
    /// <see cref="AttemptTimeout"/> applies between them. Background calls (tagging, GEO drafts, graph
    /// extraction) wait the whole <see cref="AttemptTimeout"/>. Must be positive and shorter than it.
    /// </summary>
    public TimeSpan FirstTokenTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Retries of the same provider on 429 and 5xx, after the first attempt.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>First backoff delay; doubles on each retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(400);

    /// <summary>Upper bound of a backoff delay.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// A provider asking (through <c>Retry-After</c>) to wait longer than this is not retried:
    /// the visitor is waiting, so the next provider is asked instead.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Consecutive failed attempts that open a provider's circuit.</summary>
    public int CircuitFailureThreshold { get; set; } = 5;

    /// <summary>How long an open circuit skips its provider before one trial call is let through.</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
