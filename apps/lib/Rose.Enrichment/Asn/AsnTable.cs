using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Rose.Enrichment.Asn;

/// <summary>
/// The offline IP-to-ASN table: which autonomous system announces an address, from sorted IPv4 and
/// IPv6 ranges (binary search, no allocation). <see cref="Embedded"/> is the table shipped in this
/// assembly (RouteViews + DB-IP ASN Lite, CC BY 4.0), read once per process on first use.
/// </summary>
public sealed class AsnTable
{
    private static readonly Lazy<AsnTable> EmbeddedTable = new(LoadEmbedded);

    private readonly AsnNetwork[] networks;
    private readonly AsnRanges<uint> ipv4;
    private readonly AsnRanges<UInt128> ipv6;

    internal AsnTable(AsnNetwork[] networks, AsnRanges<uint> ipv4, AsnRanges<UInt128> ipv6)
    {
        this.networks = networks;
        this.ipv4 = ipv4;
        this.ipv6 = ipv6;
    }

    public static AsnTable Embedded => EmbeddedTable.Value;

    public int Ipv4Ranges => ipv4.Count;

    public int Ipv6Ranges => ipv6.Count;

    public int Networks => networks.Length;

    /// <summary>The network announcing <paramref name="address"/> (an IPv4-mapped IPv6 address counts as IPv4), or null when no range holds it.</summary>
    public AsnNetwork? Find(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out var written))
        {
            return null;
        }

        int network;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            network = ipv4.NetworkOf(BinaryPrimitives.ReadUInt32BigEndian(bytes[..written]));
        }
        else if (address.IsIPv4MappedToIPv6)
        {
            network = ipv4.NetworkOf(BinaryPrimitives.ReadUInt32BigEndian(bytes[12..16]));
        }
        else
        {
            network = ipv6.NetworkOf(BinaryPrimitives.ReadUInt128BigEndian(bytes[..written]));
        }

        return network < 0 ? null : networks[network];
    }

    private static AsnTable LoadEmbedded()
    {
        using var stream = typeof(AsnTable).Assembly.GetManifestResourceStream(AsnTableFile.ResourceName)
            ?? throw new InvalidOperationException($"The assembly carries no {AsnTableFile.ResourceName}; build it with tools/asn-table.");
        return AsnTableFile.Read(stream);
    }
}
