using System.Net;
using System.Net.Sockets;

namespace Rose.Enrichment.Privacy;

/// <summary>
/// The most of a visitor's address anything derived from it may keep: its /24 (IPv4) or /48 (IPv6)
/// network, the smallest prefix announced on the internet, so every address in it has the same
/// network and the same answer from every tier. The host part, which singles out a household, is dropped.
/// </summary>
public static class AddressPrefixes
{
    public const int Ipv4Length = 24;

    public const int Ipv6Length = 48;

    /// <summary>"198.51.100.7" → 198.51.100.0/24, "2001:db8:1:2::7" → 2001:db8:1::/48 (an IPv4-mapped address counts as IPv4).</summary>
    public static IPNetwork Of(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        var length = address.AddressFamily == AddressFamily.InterNetwork ? Ipv4Length : Ipv6Length;
        Array.Clear(bytes, length / 8, bytes.Length - (length / 8));
        return new IPNetwork(new IPAddress(bytes), length);
    }
}
