using System.ComponentModel.DataAnnotations;

namespace Rose.Platform.Limits;

/// <summary>
/// Configuration section <c>Rose:Limits</c>: where rate limits, concurrency caps and quota counters are
/// counted. With <see cref="Redis"/> set they are counted in that Redis, so every replica enforces one
/// limit; without it each process counts for itself (the embedded runtime, one replica).
/// </summary>
public sealed class ClusterLimitsOptions
{
    public const string SectionName = "Rose:Limits";

    public const string RedisKey = SectionName + ":Redis";

    /// <summary>A StackExchange.Redis configuration string (<c>host:port,password=…,ssl=true</c>); a secret when it carries a password.</summary>
    public string? Redis { get; set; }

    /// <summary>
    /// How long a concurrency slot (a streaming answer) is held at most: a replica that dies while
    /// streaming frees its slots after this, instead of holding them for ever.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00", ErrorMessage = "Rose:Limits:SlotLease must be between 10 seconds and 1 day.")]
    public TimeSpan SlotLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Whether the limits are counted in Redis.</summary>
    public bool UsesRedis => !string.IsNullOrWhiteSpace(Redis);
}
