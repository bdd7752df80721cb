using System.ComponentModel.DataAnnotations;

namespace Rose.Crm.Webhooks;

/// <summary>Configuration section <c>Rose:Crm:Webhooks</c>: outbound webhook deliveries.</summary>
public sealed class WebhookOptions : IValidatableObject
{
    public const string SectionName = "Rose:Crm:Webhooks";

    /// <summary>
    /// Lets deliveries and registrations reach private, loopback and link-local addresses. Off in
    /// production (SSRF: a tenant's URL must not reach the cluster's insides); tests turn it on to
    /// deliver to a stub on loopback.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>How long one delivery attempt may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait after the first failed attempt; it doubles after each failure, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(4);

    /// <summary>A delivery not delivered this long after the event is given up.</summary>
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromHours(24);

    /// <summary>An endpoint whose every delivery failed for this long is disabled, with a notice.</summary>
    public TimeSpan DisableAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Endpoints per tenant.</summary>
    [Range(1, 100)]
    public int MaxEndpointsPerTenant { get; set; } = 20;

    /// <summary>Due deliveries one run of the delivery job sends per tenant.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[] { (nameof(Timeout), Timeout), (nameof(InitialRetryDelay), InitialRetryDelay), (nameof(MaxRetryDelay), MaxRetryDelay), (nameof(RetryFor), RetryFor), (nameof(DisableAfter), DisableAfter) })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return new ValidationResult($"{SectionName}:{name} must be positive.", [name]);
            }
        }
    }
}
