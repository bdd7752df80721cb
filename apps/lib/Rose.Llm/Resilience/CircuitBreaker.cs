using Rose.Llm.Configuration;

namespace Rose.Llm.Resilience;

/// <summary>
/// One provider's breaker: after <see cref="LlmResilienceOptions.CircuitFailureThreshold"/> consecutive
/// failed attempts the provider is skipped (straight to the fallback, no waiting on a dead host) for
/// <see cref="LlmResilienceOptions.CircuitBreakDuration"/>; then a single trial call closes it again or
/// re-opens it.
/// </summary>
public sealed class CircuitBreaker(string provider, LlmResilienceOptions options, TimeProvider time)
{
    private readonly Lock gate = new();
    private int consecutiveFailures;
    private DateTimeOffset openUntil;
    private bool trialInFlight;
    private CircuitState state = CircuitState.Closed;

    public string Provider { get; } = provider;

    public CircuitState State
    {
        get
        {
            lock (gate)
            {
                return state == CircuitState.Open && time.GetUtcNow() >= openUntil ? CircuitState.HalfOpen : state;
            }
        }
    }

    /// <summary>Whether an attempt may go to the provider now; in half-open state only one trial at a time.</summary>
    public bool TryAcquire()
    {
        lock (gate)
        {
            if (state == CircuitState.Closed)
            {
                return true;
            }

            if (state == CircuitState.Open && time.GetUtcNow() < openUntil)
            {
                return false;
            }

            state = CircuitState.HalfOpen;
            if (trialInFlight)
            {
                return false;
            }

            trialInFlight = true;
            return true;
        }
    }

    public void RecordSuccess()
    {
        lock (gate)
        {
            consecutiveFailures = 0;
            trialInFlight = false;
            state = CircuitState.Closed;
        }
    }

    public void RecordFailure()
    {
        lock (gate)
        {
            consecutiveFailures++;
            if (state == CircuitState.HalfOpen || consecutiveFailures >= options.CircuitFailureThreshold)
            {
                state = CircuitState.Open;
                openUntil = time.GetUtcNow() + options.CircuitBreakDuration;
            }

            trialInFlight = false;
        }
    }

    /// <summary>An attempt ended without a verdict (the visitor left): free the trial slot.</summary>
    public void Release()
    {
        lock (gate)
        {
            trialInFlight = false;
        }
    }
}
