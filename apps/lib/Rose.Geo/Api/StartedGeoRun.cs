namespace Rose.Geo.Api;

/// <summary>The answer to a start: the run's workflow instance id.</summary>
public sealed record StartedGeoRun(string InstanceId);
