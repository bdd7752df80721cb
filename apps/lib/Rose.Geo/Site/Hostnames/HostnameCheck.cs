namespace Rose.Geo.Site.Hostnames;

/// <summary>The result of looking for a hostname's token: found (and how: <c>dns</c> or <c>http</c>) or why not.</summary>
internal sealed record HostnameCheck(bool Verified, string? Method, string? Error);
