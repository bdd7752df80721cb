namespace Rose.Geo.Runs;

/// <summary>A run in the list of runs.</summary>
public sealed record GeoRunSummary(string InstanceId, string Status, string Trigger, DateTimeOffset StartedAt, int Questions, int Clusters);
