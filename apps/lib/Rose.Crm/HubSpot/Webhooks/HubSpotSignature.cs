using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Rose.Crm.HubSpot.Webhooks;

/// <summary>
/// HubSpot's request signature v3 (developers.hubspot.com, "Validate requests"): Base64 of
/// HMAC-SHA256, keyed with the app's client secret, over method + URI + body + the
/// <c>X-HubSpot-Request-Timestamp</c> value (milliseconds since the epoch), where the URI has the
/// characters of HubSpot's table URL-decoded; requests timestamped more than five minutes ago are refused.
/// </summary>
public static class HubSpotSignature
{
    public const string SignatureHeader = "X-HubSpot-Signature-v3";
    public const string TimestampHeader = "X-HubSpot-Request-Timestamp";

    /// <summary>The escapes HubSpot decodes before signing, and only these (any other stays encoded).</summary>
    private static readonly (string Encoded, string Decoded)[] DecodedEscapes =
    [
        ("%3A", ":"), ("%2F", "/"), ("%3F", "?"), ("%40", "@"), ("%21", "!"), ("%24", "$"),
        ("%27", "'"), ("%28", "("), ("%29", ")"), ("%2A", "*"), ("%2C", ","), ("%3B", ";"),
    ];

    /// <summary>The signature HubSpot sends for this request.</summary>
    public static string Compute(string clientSecret, string method, string uri, byte[] body, string timestamp)
    {
        var source = Encoding.UTF8.GetBytes(method.ToUpperInvariant() + DecodeUri(uri))
            .Concat(body)
            .Concat(Encoding.UTF8.GetBytes(timestamp))
            .ToArray();
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(clientSecret), source));
    }

    /// <summary>Whether the request is HubSpot's, signed within <paramref name="maxAge"/> of <paramref name="now"/>; the comparison takes the same time whatever the signature.</summary>
    public static bool IsValid(string clientSecret, string method, string uri, byte[] body, string? timestamp, string? signature, DateTimeOffset now, TimeSpan maxAge)
    {
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(timestamp)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return false;
        }

        var age = now.ToUnixTimeMilliseconds() - milliseconds;
        // A timestamp from the future beyond the same margin is as suspect as a stale one.
        if (age > maxAge.TotalMilliseconds || age < -maxAge.TotalMilliseconds)
        {
            return false;
        }

        var expected = Encoding.UTF8.GetBytes(Compute(clientSecret, method, uri, body, timestamp));
        var actual = Encoding.UTF8.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    private static string DecodeUri(string uri)
    {
        var builder = new StringBuilder(uri);
        foreach (var (encoded, decoded) in DecodedEscapes)
        {
            builder.Replace(encoded, decoded).Replace(encoded.ToLowerInvariant(), decoded);
        }

        return builder.ToString();
    }
}
