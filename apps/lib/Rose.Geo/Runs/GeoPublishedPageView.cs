namespace Rose.Geo.Runs;

/// <summary>A tenant's page across runs (<c>GET /api/v1/geo/pages</c>): its address, state and IndexNow answer.</summary>
public sealed record GeoPublishedPageView(
    string PageId,
    string Slug,
    string Question,
    string? Answer,
    IReadOnlyList<GeoCitationView> Citations,
    string State,
    string Topic,
    string? IndexNowStatus,
    string? LastRunId,
    DateTimeOffset UpdatedAt);
