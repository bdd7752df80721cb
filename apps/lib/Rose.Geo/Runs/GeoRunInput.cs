namespace Rose.Geo.Runs;

/// <summary>The GEO workflow's input; its run row (trigger, period, changed document) was written when it was started.</summary>
public sealed record GeoRunInput(string TenantId);
