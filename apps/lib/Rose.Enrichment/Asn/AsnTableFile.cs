using System.IO.Compression;
using System.Text;

namespace Rose.Enrichment.Asn;

/// <summary>
/// The committed form of the offline table (<c>asn-table.bin.gz</c>, embedded in this assembly): gzip of
/// a header, the de-duplicated organisation names, the networks (ASN + organisation index), then the IPv4
/// and the IPv6 ranges, sorted, each as its gap from the previous range, its span and its network, all
/// as variable-length numbers. Adjacent ranges of one network are merged. Written by
/// <c>tools/asn-table</c> from the <c>@ip-location-db/asn</c> CSV files.
/// </summary>
public static class AsnTableFile
{
    public const string ResourceName = "Rose.Enrichment.Asn.asn-table.bin.gz";

    private const int Magic = 0x4E534152; // "RASN"
    private const int Version = 1;

    /// <summary>Writes the table of <paramref name="ipv4"/> and <paramref name="ipv6"/> rows (each sorted by start; where one overlaps the previous, the previous keeps the overlap).</summary>
    public static void Write(Stream output, IEnumerable<AsnRangeRow> ipv4, IEnumerable<AsnRangeRow> ipv6)
    {
        var organisations = new List<string>();
        var organisationIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var networks = new List<(uint Asn, int Organisation)>();
        var networkIndex = new Dictionary<(uint, int), int>();
        int NetworkOf(AsnRangeRow row)
        {
            if (!organisationIndex.TryGetValue(row.Organisation, out var organisation))
            {
                organisation = organisationIndex[row.Organisation] = organisations.Count;
                organisations.Add(row.Organisation);
            }

            if (!networkIndex.TryGetValue((row.Asn, organisation), out var network))
            {
                network = networkIndex[(row.Asn, organisation)] = networks.Count;
                networks.Add((row.Asn, organisation));
            }

            return network;
        }

        var v4 = Merge(ipv4, NetworkOf, uint.MaxValue);
        var v6 = Merge(ipv6, NetworkOf, UInt128.MaxValue);

        using var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write7BitEncodedInt(organisations.Count);
        organisations.ForEach(writer.Write);
        writer.Write7BitEncodedInt(networks.Count);
        foreach (var (asn, organisation) in networks)
        {
            writer.Write7BitEncodedInt64(asn);
            writer.Write7BitEncodedInt(organisation);
        }

        WriteRanges(writer, v4);
        WriteRanges(writer, v6);
    }

    /// <summary>Reads a table written by <see cref="Write"/>, classing each network (<see cref="NetworkClassification"/>).</summary>
    public static AsnTable Read(Stream input)
    {
        using var gzip = new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
        using var buffered = new BufferedStream(gzip, 1 << 16);
        using var reader = new BinaryReader(buffered, Encoding.UTF8);
        if (reader.ReadInt32() != Magic || reader.ReadInt32() != Version)
        {
            throw new InvalidDataException("Not an ASN table of this version; rebuild it with tools/asn-table.");
        }

        var organisations = new string[reader.Read7BitEncodedInt()];
        for (var i = 0; i < organisations.Length; i++)
        {
            organisations[i] = reader.ReadString();
        }

        var networks = new AsnNetwork[reader.Read7BitEncodedInt()];
        for (var i = 0; i < networks.Length; i++)
        {
            var asn = checked((uint)reader.Read7BitEncodedInt64());
            var organisation = organisations[reader.Read7BitEncodedInt()];
            networks[i] = new AsnNetwork(asn, organisation, NetworkClassification.Of(asn, organisation));
        }

        var v4Count = reader.Read7BitEncodedInt();
        var v4Starts = new uint[v4Count];
        var v4Ends = new uint[v4Count];
        var v4Networks = new int[v4Count];
        ReadRanges(reader, v4Count, networks.Length, (i, start, end, network) =>
        {
            v4Starts[i] = checked((uint)start);
            v4Ends[i] = checked((uint)end);
            v4Networks[i] = network;
        });

        var v6Count = reader.Read7BitEncodedInt();
        var v6Starts = new UInt128[v6Count];
        var v6Ends = new UInt128[v6Count];
        var v6Networks = new int[v6Count];
        ReadRanges(reader, v6Count, networks.Length, (i, start, end, network) =>
        {
            v6Starts[i] = start;
            v6Ends[i] = end;
            v6Networks[i] = network;
        });

        return new AsnTable(networks, new AsnRanges<uint>(v4Starts, v4Ends, v4Networks), new AsnRanges<UInt128>(v6Starts, v6Ends, v6Networks));
    }

    private static List<(UInt128 Start, UInt128 End, int Network)> Merge(IEnumerable<AsnRangeRow> rows, Func<AsnRangeRow, int> networkOf, UInt128 max)
    {
        var merged = new List<(UInt128 Start, UInt128 End, int Network)>();
        foreach (var row in rows)
        {
            if (row.End < row.Start || row.End > max || (merged.Count > 0 && row.Start < merged[^1].Start))
            {
                throw new InvalidDataException($"Range {row.Start}–{row.End} (AS{row.Asn}) is out of order or no address range of its family.");
            }

            // The source has the odd overlap (a more specific announcement): the earlier range keeps the shared part.
            var start = merged.Count > 0 && row.Start <= merged[^1].End ? merged[^1].End + 1 : row.Start;
            if (merged.Count > 0 && (merged[^1].End == max || start > row.End))
            {
                continue;
            }

            var network = networkOf(row);
            if (merged.Count > 0 && merged[^1].Network == network && merged[^1].End + 1 == start)
            {
                merged[^1] = (merged[^1].Start, row.End, network);
            }
            else
            {
                merged.Add((start, row.End, network));
            }
        }

        return merged;
    }

    private static void WriteRanges(BinaryWriter writer, List<(UInt128 Start, UInt128 End, int Network)> ranges)
    {
        writer.Write7BitEncodedInt(ranges.Count);
        UInt128 next = 0;
        foreach (var (start, end, network) in ranges)
        {
            WriteNumber(writer, start - next);
            WriteNumber(writer, end - start);
            writer.Write7BitEncodedInt(network);
            next = end + 1;
        }
    }

    private static void ReadRanges(BinaryReader reader, int count, int networks, Action<int, UInt128, UInt128, int> store)
    {
        UInt128 next = 0;
        for (var i = 0; i < count; i++)
        {
            var start = next + ReadNumber(reader);
            var end = start + ReadNumber(reader);
            var network = reader.Read7BitEncodedInt();
            if (network < 0 || network >= networks)
            {
                throw new InvalidDataException($"Range {i} names network {network} of {networks}.");
            }

            store(i, start, end, network);
            next = end + 1;
        }
    }

    private static void WriteNumber(BinaryWriter writer, UInt128 value)
    {
        while (value >= 0x80)
        {
            writer.Write((byte)((byte)value | 0x80));
            value >>= 7;
        }

        writer.Write((byte)value);
    }

    private static UInt128 ReadNumber(BinaryReader reader)
    {
        UInt128 value = 0;
        for (var shift = 0; shift < 133; shift += 7)
        {
            var b = reader.ReadByte();
            value |= (UInt128)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new InvalidDataException("A number in the ASN table is longer than 128 bits.");
    }
}
