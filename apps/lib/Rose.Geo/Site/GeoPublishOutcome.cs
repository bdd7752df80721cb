namespace Rose.Geo.Site;

/// <summary>
/// What a publish changed: the absolute URLs of the pages added, changed or removed (plus the index,
/// sitemap and llms.txt when they changed), and how IndexNow answered the ping of exactly those URLs
/// (<c>accepted</c> for 200/202, <c>rejected</c> for 422, <c>throttled</c> for 429, <c>failed</c>,
/// or <c>skipped</c> when nothing changed).
/// </summary>
public sealed record GeoPublishOutcome(IReadOnlyList<string> ChangedUrls, string IndexNowStatus);
