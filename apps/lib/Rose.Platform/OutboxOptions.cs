using System.ComponentModel.DataAnnotations;

namespace Rose.Platform;

/// <summary>
/// <c>Rose:Platform:Outbox</c>: how the embedded runtime retries a failing subscriber. A handler is
/// called at most <c>1 + MaxRetries</c> times, waiting <c>InitialBackoff · 2^(attempt-1)</c> (capped by
/// <c>MaxBackoff</c>) between calls, then the delivery goes to the dead-letter table. The outbox drainer
/// (both runtimes) waits the same back-off between failed sends of a staged event, without a limit.
/// </summary>
public sealed class OutboxOptions : IValidatableObject
{
    [Range(0, 100, ErrorMessage = "Rose:Platform:Outbox:MaxRetries must be between 0 and 100.")]
    public int MaxRetries { get; set; } = 5;

    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Safety net: how often the dispatcher looks at the table even without a signal (e.g. rows left by another process).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (InitialBackoff <= TimeSpan.Zero || MaxBackoff < InitialBackoff)
        {
            yield return new ValidationResult(
                "Rose:Platform:Outbox needs 0 < InitialBackoff <= MaxBackoff.",
                [nameof(InitialBackoff), nameof(MaxBackoff)]);
        }

        if (PollInterval <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Rose:Platform:Outbox:PollInterval must be positive.", [nameof(PollInterval)]);
        }
    }

    /// <summary>The wait before attempt <paramref name="failedAttempts"/> + 1.</summary>
    public TimeSpan BackoffAfter(int failedAttempts)
    {
        var factor = Math.Pow(2, Math.Min(Math.Max(failedAttempts - 1, 0), 30));
        var wait = TimeSpan.FromTicks((long)Math.Min(InitialBackoff.Ticks * factor, MaxBackoff.Ticks));
        return wait;
    }
}
