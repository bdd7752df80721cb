namespace Rose.Geo.Site.IndexNow;

/// <summary>The body IndexNow reads (indexnow.org/documentation: "Submitting set of URLs").</summary>
internal sealed record IndexNowRequest(string Host, string Key, string KeyLocation, IReadOnlyList<string> UrlList);
