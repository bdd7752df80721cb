using System.ComponentModel.DataAnnotations;

namespace Rose.Geo.Site;

/// <summary>Configuration section <c>Rose:Geo</c>, as far as publishing and serving the sites go.</summary>
public sealed class GeoSiteOptions : IValidatableObject
{
    public const string SectionName = "Rose:Geo";

    /// <summary>
    /// Where this installation's <c>/geo/{tenant}/</c> paths are reached from outside (the gateway, or the
    /// standalone host): canonical URLs, the sitemap and llms.txt use it for tenants without a verified hostname.
    /// </summary>
    [Required]
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary><c>Cache-Control: max-age</c> of served pages; a publish is seen by browsers after at most this.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromMinutes(5);

    public IndexNowOptions IndexNow { get; set; } = new();

    public HostnameVerificationOptions Hostnames { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https") || baseUrl.Query.Length > 0)
        {
            yield return new ValidationResult($"Rose:Geo:PublicBaseUrl is '{PublicBaseUrl}'; use an absolute http(s) URL without a query.", [nameof(PublicBaseUrl)]);
        }

        if (!Uri.TryCreate(IndexNow.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult($"Rose:Geo:IndexNow:Endpoint is '{IndexNow.Endpoint}'; use an absolute http(s) URL.", ["IndexNow.Endpoint"]);
        }

        if (IndexNow.Timeout <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Rose:Geo:IndexNow:Timeout must be positive.", ["IndexNow.Timeout"]);
        }

        if (!Hostnames.HttpChallengeUrl.Contains("{host}", StringComparison.Ordinal)
            || !Uri.TryCreate(Hostnames.HttpChallengeUrl.Replace("{host}", "example.com", StringComparison.Ordinal), UriKind.Absolute, out _))
        {
            yield return new ValidationResult($"Rose:Geo:Hostnames:HttpChallengeUrl is '{Hostnames.HttpChallengeUrl}'; use an absolute URL containing {{host}}.", ["Hostnames.HttpChallengeUrl"]);
        }

        foreach (var server in Hostnames.DnsServers)
        {
            if (!System.Net.IPEndPoint.TryParse(server, out _))
            {
                yield return new ValidationResult($"Rose:Geo:Hostnames:DnsServers has '{server}'; use an address, optionally with :port.", ["Hostnames.DnsServers"]);
            }
        }

        if (Hostnames.FailuresBeforeWithdrawal < 1)
        {
            yield return new ValidationResult("Rose:Geo:Hostnames:FailuresBeforeWithdrawal must be at least 1.", ["Hostnames.FailuresBeforeWithdrawal"]);
        }
    }
}
