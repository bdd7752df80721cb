namespace Rose.Geo.Site.Rendering;

/// <summary>
/// What a tenant's site looks like and where it lives: its name and theme (the widget's settings), the
/// base URL its pages are canonical under (a verified hostname, else <c>PublicBaseUrl/geo/{tenant}</c>,
/// without a trailing slash) and its IndexNow key.
/// </summary>
internal sealed record GeoSiteContext(
    string TenantId,
    string Name,
    string BaseUrl,
    string Language,
    string PrimaryColor,
    string TextColor,
    string IndexNowKey)
{
    /// <summary>The absolute URL of a request path of the site (<c>""</c> is the index).</summary>
    public string UrlOf(string path) => path.Length == 0 ? BaseUrl + "/" : $"{BaseUrl}/{path}";
}
