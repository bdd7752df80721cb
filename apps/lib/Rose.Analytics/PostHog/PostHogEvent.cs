namespace Rose.Analytics.PostHog;

/// <summary>One event for PostHog's batch capture: its name, who did it, when, and what else is known.</summary>
public sealed record PostHogEvent(string Event, string DistinctId, DateTimeOffset Timestamp, IReadOnlyDictionary<string, object?> Properties);
