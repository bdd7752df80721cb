using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Rose.Enrichment.Asn;

/// <summary>An address as the number the range table sorts by: an IPv4 address as a 32-bit number, an IPv6 address as a 128-bit one.</summary>
public static class AddressNumbers
{
    public static UInt128 Of(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out var written))
        {
            throw new ArgumentException($"{address} has no byte form.", nameof(address));
        }

        return address.AddressFamily == AddressFamily.InterNetwork
            ? BinaryPrimitives.ReadUInt32BigEndian(bytes[..written])
            : BinaryPrimitives.ReadUInt128BigEndian(bytes[..written]);
    }
}
