namespace Rose.Geo.Site;

/// <summary><c>Rose:Geo:Hostnames</c>: how custom hostnames are verified.</summary>
public sealed class HostnameVerificationOptions
{
    /// <summary>
    /// DNS servers asked for the <c>_rose-challenge.{host}</c> TXT record (<c>address[:port]</c>); empty:
    /// the machine's resolvers.
    /// </summary>
    public List<string> DnsServers { get; set; } = [];

    /// <summary>Where the HTTP challenge file is fetched; <c>{host}</c> is replaced by the hostname.</summary>
    public string HttpChallengeUrl { get; set; } = "http://{host}/.well-known/rose-challenge.txt";

    /// <summary>Rechecks that fail in a row before a verified hostname stops being served.</summary>
    public int FailuresBeforeWithdrawal { get; set; } = 3;

    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
