namespace Rose.Geo.Runs;

/// <summary>A run as the workflow's activities receive it: ids only, the data is in the GEO tables.</summary>
public sealed record GeoRunRef(string TenantId, string RunId);
