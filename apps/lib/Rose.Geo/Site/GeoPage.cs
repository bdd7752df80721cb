namespace Rose.Geo.Site;

/// <summary>
/// One FAQ page as it is published: the canonical visitor question, the reviewed answer (plain text,
/// never markup: the renderer escapes it), its citations, the topic it is listed under on the index
/// page, and when its content last changed (the sitemap's lastmod). <see cref="Slug"/> is stable
/// for a page id across runs, so a republished page keeps its address.
/// </summary>
public sealed record GeoPage(
    string PageId,
    string Slug,
    string Question,
    string Answer,
    IReadOnlyList<GeoCitation> Citations,
    string Topic,
    DateTimeOffset UpdatedAt);
