namespace Rose.Workflows.Models;

/// <summary>The GEO workflow's output: the run's final status and its figures.</summary>
public sealed record GeoRunResult(string Status, int Questions, int Clusters, int Pages, int Gaps, int Published);
