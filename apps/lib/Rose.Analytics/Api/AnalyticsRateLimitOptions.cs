using System.ComponentModel.DataAnnotations;

namespace Rose.Analytics.Api;

/// <summary>Configuration section <c>Rose:Analytics</c>.</summary>
public sealed class AnalyticsRateLimitOptions
{
    public const string SectionName = "Rose:Analytics";

    /// <summary>
    /// Event batches one visitor IP may send to one tenant per minute; more get 429. The widget sends a
    /// batch per few interactions, so the default leaves a busy visitor far below it.
    /// </summary>
    [Range(1, 10_000)]
    public int EventBatchesPerMinutePerVisitor { get; set; } = 30;
}
