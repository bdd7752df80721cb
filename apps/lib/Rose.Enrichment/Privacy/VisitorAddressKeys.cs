using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Rose.Enrichment.Privacy;

/// <summary>
/// Turns a visitor's address into the key its identification is cached under: HMAC-SHA256 of the
/// address's /24 or /48 network (<see cref="AddressPrefixes"/>) with the operator's secret
/// (<see cref="EnrichmentOptions.AddressKey"/>). A plain digest of an IPv4 network is undone by hashing
/// all 2²⁴ of them; without the secret nobody can, and even with it a key gives back at most the
/// prefix, never the address. The address itself is never stored.
/// </summary>
public sealed class VisitorAddressKeys
{
    public const string GeneratedKeyFile = "enrichment-address.key";

    private readonly Lazy<byte[]> key;

    public VisitorAddressKeys(IOptions<EnrichmentOptions> options, Func<string> dataPath)
    {
        key = new Lazy<byte[]>(() => options.Value.AddressKey is { Length: > 0 } secret
            ? Encoding.UTF8.GetBytes(secret)
            : LoadOrCreate(Path.Combine(dataPath(), GeneratedKeyFile)));
    }

    /// <summary>The lowercase hex HMAC of the network of <paramref name="address"/>, e.g. of "198.51.100.0/24" (an IPv4-mapped IPv6 address counts as its IPv4 form).</summary>
    public string Digest(IPAddress address) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key.Value, Encoding.ASCII.GetBytes(AddressPrefixes.Of(address).ToString())));

    /// <summary>An IPv4 visitor reaching a dual-stack socket shows up as ::ffff:a.b.c.d: one key for both forms.</summary>
    public static IPAddress Canonical(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    /// <summary>The generated key of this data folder: created once (the first writer wins), then read by every start and process.</summary>
    internal static byte[] LoadOrCreate(string path)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            if (File.Exists(path))
            {
                return Read(path);
            }

            var created = RandomNumberGenerator.GetBytes(32);
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            try
            {
                File.WriteAllText(temporary, Convert.ToBase64String(created));
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }

                // No overwrite: when another process got there first, its key is the one.
                File.Move(temporary, path, overwrite: false);
                return created;
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary);
            }
        }

        throw new InvalidOperationException($"Could not read or create the address key {path}.");
    }

    private static byte[] Read(string path)
    {
        try
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim()) is { Length: >= 32 } key
                ? key
                : throw new InvalidOperationException($"{path} holds a key shorter than 32 bytes.");
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{path} does not hold a base64 key; delete it to have a new one generated (cached identifications are then asked again).");
        }
    }
}
