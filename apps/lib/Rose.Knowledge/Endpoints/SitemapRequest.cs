namespace Rose.Knowledge.Endpoints;

/// <summary>Body of <c>POST /api/v1/knowledge/sources/sitemap</c>.</summary>
public sealed record SitemapRequest(string? Url);
