namespace Rose.Geo.Site.Serving;

/// <summary>A file to answer with, or (<see cref="Content"/> null) a 304 for the client's matching ETag.</summary>
internal sealed record GeoSiteResponse(string ETag, string ContentType, byte[]? Content);
