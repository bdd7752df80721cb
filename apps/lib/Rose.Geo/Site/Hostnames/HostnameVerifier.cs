using System.Net;
using DnsClient;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Rose.Geo.Site.Hostnames;

/// <summary>
/// Looks for a hostname's token where its owner can put it: a TXT record <c>_rose-challenge.{host}</c>
/// (DnsClient, the configured servers or the machine's), then the file at
/// <c>Rose:Geo:Hostnames:HttpChallengeUrl</c>. Either is proof of control of the name.
/// </summary>
internal sealed class HostnameVerifier(ILookupClient dns, IHttpClientFactory httpClients, IOptions<GeoSiteOptions> options, ILogger<HostnameVerifier> logger)
{
    public const string HttpClientName = "geo-hostname-challenge";

    public async Task<HostnameCheck> CheckAsync(string host, string token, CancellationToken cancellationToken)
    {
        var dnsError = await CheckDnsAsync(host, token, cancellationToken);
        if (dnsError is null)
        {
            return new HostnameCheck(true, "dns", null);
        }

        var httpError = await CheckHttpAsync(host, token, cancellationToken);
        return httpError is null
            ? new HostnameCheck(true, "http", null)
            : new HostnameCheck(false, null, $"{dnsError}; {httpError}");
    }

    private async Task<string?> CheckDnsAsync(string host, string token, CancellationToken cancellationToken)
    {
        var name = HostnameNames.ChallengeRecordOf(host);
        try
        {
            var answer = await dns.QueryAsync(name, QueryType.TXT, QueryClass.IN, cancellationToken);
            if (answer.HasError)
            {
                return $"DNS: {name} TXT answered {answer.ErrorMessage}";
            }

            var values = answer.Answers.TxtRecords().SelectMany(r => r.Text).Select(t => t.Trim()).ToList();
            return values.Contains(token, StringComparer.Ordinal)
                ? null
                : $"DNS: no TXT record {name} with the token (found {values.Count})";
        }
        catch (DnsResponseException ex)
        {
            logger.LogInformation(ex, "DNS lookup of {Name} failed.", name);
            return $"DNS: {name} could not be looked up ({ex.Code})";
        }
    }

    private async Task<string?> CheckHttpAsync(string host, string token, CancellationToken cancellationToken)
    {
        var url = options.Value.Hostnames.HttpChallengeUrl.Replace("{host}", host, StringComparison.Ordinal);
        try
        {
            using var http = httpClients.CreateClient(HttpClientName);
            using var response = await http.GetAsync(url, cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return $"HTTP: {url} answered {(int)response.StatusCode}";
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return body.Trim() == token ? null : $"HTTP: {url} does not hold the token";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return $"HTTP: {url} could not be fetched ({ex.GetType().Name})";
        }
    }
}
