using System.ComponentModel.DataAnnotations;

namespace Rose.Analytics.PostHog;

/// <summary>Configuration section <c>Rose:Analytics:PostHog</c>: forward widget events and conversions to PostHog's capture API.</summary>
public sealed class PostHogOptions : IValidatableObject
{
    public const string SectionName = "Rose:Analytics:PostHog";

    /// <summary>The PostHog project API key (<c>phc_…</c>); without it nothing is forwarded.</summary>
    public string? ApiKey { get; set; }

    /// <summary>PostHog's ingestion host; EU cloud by default (<c>https://us.i.posthog.com</c> for US, or a self-hosted one).</summary>
    public Uri Host { get; set; } = new("https://eu.i.posthog.com");

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>Events waiting to be sent, at most; beyond it new ones are dropped (PostHog is optional, the request path never waits for it).</summary>
    [Range(10, 1_000_000)]
    public int QueueCapacity { get; set; } = 10_000;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool Enabled => !string.IsNullOrWhiteSpace(ApiKey);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Host.IsAbsoluteUri || Host.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult("Rose:Analytics:PostHog:Host must be an absolute http(s) URL.", [nameof(Host)]);
        }

        if (Timeout <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Rose:Analytics:PostHog:Timeout must be positive.", [nameof(Timeout)]);
        }
    }
}
