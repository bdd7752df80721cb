using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Rose.Tenancy.Keys;

/// <summary>
/// The one signing recipe Rose uses for HTTP bodies between servers, both ways: outbound webhooks
/// (Rose signs) and server-to-server conversions (the client's server signs).
/// Header <c>Rose-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "t.body")&gt;</c>; the key
/// is the secret's UTF-8 bytes, the body the exact bytes sent. Several <c>v1=</c> values may be present
/// (during a secret rotation); one match is enough.
/// </summary>
public static class RoseSignature
{
    public const string Header = "Rose-Signature";
    public const string SecretPrefix = "whsec_";

    /// <summary>How far the signed time may be from the receiver's clock.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static string NewSecret() => SecretPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Sign(string secret, DateTimeOffset at, ReadOnlySpan<byte> body)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={t},v1={Compute(secret, t, body)}";
    }

    /// <summary>True when <paramref name="header"/> signs <paramref name="body"/> with <paramref name="secret"/> within <see cref="Tolerance"/> of <paramref name="now"/>.</summary>
    public static bool Verify(string secret, string? header, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(header))
        {
            return false;
        }

        string? t = null;
        var candidates = new List<string>();
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = part.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                continue;
            }

            var (name, value) = (part[..separator], part[(separator + 1)..]);
            if (name == "t")
            {
                t = value;
            }
            else if (name == "v1")
            {
                candidates.Add(value);
            }
        }

        if (t is null || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || (now - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799))).Duration() > Tolerance)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(secret, t, body));
        // Constant time: the comparison must not reveal how much of a forged signature was right.
        return candidates.Any(c => CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(c.ToLowerInvariant())));
    }

    private static string Compute(string secret, string t, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(t + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}
