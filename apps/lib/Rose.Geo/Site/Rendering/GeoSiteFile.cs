namespace Rose.Geo.Site.Rendering;

/// <summary>One file of a rendered site, by the request path it is served at (<c>""</c> is the index).</summary>
internal sealed record GeoSiteFile(string Path, string ContentType, byte[] Content);
