using System.ComponentModel.DataAnnotations;

namespace Rose.Platform;

/// <summary>
/// <c>Rose:Platform:Outbox</c>: how the embedded runtime retries a failing subscriber. A handler is
/// called at most <c>1 + MaxRetries</c> times, waiting <c>InitialBackoff · BackoffMultiplier^(attempt-1)</c>
/// (capped by <c>MaxBackoff</c>) between calls, then the delivery goes to the dead-letter table. The outbox drainer
/// (both runtimes) waits the same back-off between failed sends of a staged event, without a limit.
/// The defaults are the Dapr runtime's for the same deliveries, so both runtimes retry alike: the
/// <c>eventDelivery</c> policy of components/resiliency.yaml (exponential, maxRetries 10, maxInterval 60s)
/// with the initial interval and multiplier Dapr uses for every exponential policy, which resiliency
/// YAML cannot change (dapr/kit retry.DefaultConfig: 500 ms, × 1.5). Dapr also adds ±50 % jitter; the
/// outbox does not. A test compares these defaults with the YAML.
/// </summary>
public sealed class OutboxOptions : IValidatableObject
{
    [Range(0, 100, ErrorMessage = "Rose:Platform:Outbox:MaxRetries must be between 0 and 100.")]
    public int MaxRetries { get; set; } = 10;

    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(60);

    [Range(1.0, 10.0, ErrorMessage = "Rose:Platform:Outbox:BackoffMultiplier must be between 1 and 10.")]
    public double BackoffMultiplier { get; set; } = 1.5;

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
        var factor = Math.Pow(BackoffMultiplier, Math.Min(Math.Max(failedAttempts - 1, 0), 60));
        var wait = TimeSpan.FromTicks((long)Math.Min(InitialBackoff.Ticks * factor, MaxBackoff.Ticks));
        return wait;
    }
}
