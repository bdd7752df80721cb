namespace Rose.Geo.Site.Publishing;

/// <summary>One served file: the blob path (under the tenant) of its content, its strong ETag, its content type.</summary>
internal sealed record GeoSiteManifestEntry(string Blob, string ETag, string ContentType);
