namespace Rose.Geo.Site.Publishing;

/// <summary>
/// The one blob that says which set is live: every request path with the blob that holds it, its ETag and
/// content type. A publish writes a whole new set first and replaces this blob last, so a reader that reads
/// the manifest and then a file sees either the old set or the new one, never a mix.
/// </summary>
internal sealed record GeoSiteManifest(
    string PublishId,
    string Version,
    string BaseUrl,
    DateTimeOffset PublishedAt,
    Dictionary<string, GeoSiteManifestEntry> Files);
