namespace Rose.Geo.Site;

/// <summary>
/// Publishes a tenant's GEO site through the blob binding: renders every page (HTML and its Markdown
/// twin), the index, sitemap.xml, robots.txt and llms.txt, writes the new set and then switches the
/// manifest, so a reader never sees half a site; then pings IndexNow with exactly the changed URLs.
/// Idempotent per <c>publishId</c> (the workflow's instance id): a retried activity publishes and
/// pings once.
/// </summary>
public interface IGeoSitePublisher
{
    /// <summary>Makes <paramref name="pages"/> the tenant's whole published set: pages not in it are removed.</summary>
    Task<GeoPublishOutcome> PublishAsync(string tenantId, string publishId, IReadOnlyList<GeoPage> pages, CancellationToken cancellationToken = default);
}
