using Rose.Geo.Site.Publishing;

namespace Rose.Geo.Site.Serving;

/// <summary>
/// Reads a file of a tenant's live site: the manifest first (which set is live, the file's ETag), then the
/// file's blob from that set. A conditional request whose ETag matches is answered from the manifest alone.
/// </summary>
internal sealed class GeoSiteReader(GeoSiteBlobs blobs)
{
    public async Task<GeoSiteResponse?> ReadAsync(string tenantId, string path, string? ifNoneMatch, CancellationToken cancellationToken)
    {
        var manifest = await blobs.ReadManifestAsync(tenantId, cancellationToken);
        if (manifest is null || !manifest.Files.TryGetValue(path, out var entry))
        {
            return null;
        }

        if (Matches(ifNoneMatch, entry.ETag))
        {
            return new GeoSiteResponse(entry.ETag, entry.ContentType, null);
        }

        var content = await blobs.ReadAsync(tenantId, entry.Blob, cancellationToken);
        return content is null ? null : new GeoSiteResponse(entry.ETag, entry.ContentType, content);
    }

    private static bool Matches(string? ifNoneMatch, string etag) =>
        !string.IsNullOrEmpty(ifNoneMatch)
        && ifNoneMatch.Split(',').Select(t => t.Trim()).Any(t => t == "*" || t == etag || t == "W/" + etag);
}
