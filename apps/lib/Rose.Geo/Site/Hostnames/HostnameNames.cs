using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Rose.Geo.Site.Hostnames;

/// <summary>
/// What counts as a custom hostname: a DNS name of at least two labels (IDN in punycode, lowercase), no
/// IP address, no port, no wildcard, at most 253 characters with labels of at most 63.
/// </summary>
internal static partial class HostnameNames
{
    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    /// <summary>The hostname in its stored form, or null when it is not one.</summary>
    public static string? Normalize(string? value)
    {
        var host = value?.Trim().TrimEnd('.');
        if (string.IsNullOrEmpty(host) || host.Length > 253 || IPAddress.TryParse(host, out _))
        {
            return null;
        }

        try
        {
            host = Idn.GetAscii(host).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }

        var labels = host.Split('.');
        return host.Length <= 253 && labels.Length >= 2 && labels.All(l => Label().IsMatch(l)) && !labels[^1].All(char.IsAsciiDigit)
            ? host
            : null;
    }

    /// <summary>The TXT record that proves control: <c>_rose-challenge.{host}</c>.</summary>
    public static string ChallengeRecordOf(string host) => "_rose-challenge." + host;

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Label();
}
