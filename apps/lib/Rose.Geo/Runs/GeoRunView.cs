namespace Rose.Geo.Runs;

/// <summary>A run as staff see it (<c>GET …/geo/runs/{instanceId}</c>).</summary>
public sealed record GeoRunView(
    string InstanceId,
    string Status,
    string Trigger,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    int Questions,
    int Clusters,
    string? IndexNowStatus,
    string? Failure,
    IReadOnlyList<GeoPageView> Pages,
    IReadOnlyList<GeoGapView> Gaps);
