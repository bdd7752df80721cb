using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Rose.Llm.Configuration;
using Rose.Llm.Telemetry;

namespace Rose.Llm.Resilience;

/// <summary>
/// One provider's breaker: after <see cref="LlmResilienceOptions.CircuitFailureThreshold"/> consecutive
/// failed attempts the provider is skipped (straight to the fallback, no waiting on a dead host) for
/// <see cref="LlmResilienceOptions.CircuitBreakDuration"/>; then a single trial call closes it again or
/// re-opens it. Every change of state is logged ("LLM circuit of … : closed -> open") and counted in
/// <see cref="LlmTelemetry.BreakerTransitions"/>.
/// </summary>
public sealed class CircuitBreaker(string provider, LlmResilienceOptions options, TimeProvider time, ILogger? logger = null)
{
    private readonly Lock gate = new();
    private readonly ILogger logger = logger ?? NullLogger.Instance;
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
        CircuitState from;
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

            from = state;
            state = CircuitState.HalfOpen;
            if (trialInFlight)
            {
                return false;
            }

            trialInFlight = true;
        }

        Report(from, CircuitState.HalfOpen, 0);
        return true;
    }

    public void RecordSuccess()
    {
        CircuitState from;
        lock (gate)
        {
            from = state;
            consecutiveFailures = 0;
            trialInFlight = false;
            state = CircuitState.Closed;
        }

        Report(from, CircuitState.Closed, 0);
    }

    public void RecordFailure()
    {
        CircuitState from;
        CircuitState to;
        int failures;
        lock (gate)
        {
            from = state;
            failures = ++consecutiveFailures;
            if (state == CircuitState.HalfOpen || consecutiveFailures >= options.CircuitFailureThreshold)
            {
                state = CircuitState.Open;
                openUntil = time.GetUtcNow() + options.CircuitBreakDuration;
            }

            trialInFlight = false;
            to = state;
        }

        Report(from, to, failures);
    }

    /// <summary>An attempt ended without a verdict (the visitor left): free the trial slot.</summary>
    public void Release()
    {
        lock (gate)
        {
            trialInFlight = false;
        }
    }

    private void Report(CircuitState from, CircuitState to, int failures)
    {
        if (from == to)
        {
            return;
        }

        var fromName = Name(from);
        var toName = Name(to);
        LlmTelemetry.BreakerTransitions.Add(1, new TagList
        {
            { GenAiAttributes.ProviderConfigName, Provider },
            { "rose.llm.breaker.from", fromName },
            { "rose.llm.breaker.to", toName },
        });
        if (to == CircuitState.Open)
        {
            logger.LogWarning(
                "LLM circuit of {Provider}: {From} -> {To} after {Failures} consecutive failures; skipped for {BreakDuration}",
                Provider, fromName, toName, failures, options.CircuitBreakDuration);
        }
        else
        {
            logger.LogInformation("LLM circuit of {Provider}: {From} -> {To}", Provider, fromName, toName);
        }
    }

    private static string Name(CircuitState state) => state switch
    {
        CircuitState.Closed => "closed",
        CircuitState.Open => "open",
        _ => "half-open",
    };
}
