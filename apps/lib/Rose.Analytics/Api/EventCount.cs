namespace Rose.Analytics.Api;

/// <summary>How many events of a type happened on a day (UTC).</summary>
public sealed record EventCount(DateOnly Day, string Type, int Count);
