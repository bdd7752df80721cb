namespace Rose.Geo.Site.Hostnames;

/// <summary>Body of <c>POST /admin/v1/tenants/{id}/hostnames</c>.</summary>
public sealed record AddHostnameRequest(string? Hostname);
