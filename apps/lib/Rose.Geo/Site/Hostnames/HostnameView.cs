namespace Rose.Geo.Site.Hostnames;

/// <summary>
/// A tenant's custom hostname as staff see it: <c>pending</c> or <c>verified</c>, the token and the two
/// places it can be put (a TXT record, or a file served over HTTP), and the last check.
/// </summary>
public sealed record HostnameView(
    string Hostname,
    string Status,
    string Token,
    string DnsRecordName,
    string HttpChallengeUrl,
    DateTimeOffset CreatedAt,
    DateTimeOffset? VerifiedAt,
    string? VerifiedBy,
    DateTimeOffset? LastCheckedAt,
    string? LastError);
