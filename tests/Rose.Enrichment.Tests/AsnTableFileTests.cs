using System.Net;
using System.Net.Sockets;
using Rose.Enrichment.Asn;
using Rose.Enrichment.Providers;
using Xunit;

namespace Rose.Enrichment.Tests;

/// <summary>The converter's path: the package's CSV read, written in the compact form, read back into a table.</summary>
public sealed class AsnTableFileTests
{
    [Fact]
    public void Write_then_Read_keeps_every_range_of_both_families_and_its_network()
    {
        var table = RoundTrip(
            """
            1.0.0.0,1.0.0.255,13335,"Cloudflare, Inc."
            1.0.1.0,1.0.1.255,13335,"Cloudflare, Inc."
            5.0.0.0,5.0.0.127,64500,"Northwind ""Labs"" GmbH"
            5.0.0.64,5.0.0.200,64501,Overlapping Example
            223.255.255.0,223.255.255.255,3320,Deutsche Telekom AG
            """,
            """
            2001:db8::,2001:db8:0:ffff:ffff:ffff:ffff:ffff,64502,Example Hosting Ltd
            ffff::,ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff,64503,Last Range Corp
            """);

        Assert.Equal(new AsnNetwork(13335, "Cloudflare, Inc.", NetworkKind.Hosting), table.Find(IPAddress.Parse("1.0.1.9")));
        Assert.Equal(new AsnNetwork(64500, "Northwind \"Labs\" GmbH", NetworkKind.Business), table.Find(IPAddress.Parse("5.0.0.100")));
        Assert.Equal(new AsnNetwork(64501, "Overlapping Example", NetworkKind.Business), table.Find(IPAddress.Parse("5.0.0.150")));
        Assert.Equal(new AsnNetwork(3320, "Deutsche Telekom AG", NetworkKind.Residential), table.Find(IPAddress.Parse("223.255.255.255")));
        Assert.Equal(new AsnNetwork(64502, "Example Hosting Ltd", NetworkKind.Hosting), table.Find(IPAddress.Parse("2001:db8::7")));
        Assert.Equal(new AsnNetwork(64503, "Last Range Corp", NetworkKind.Business), table.Find(IPAddress.Parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")));
        Assert.Null(table.Find(IPAddress.Parse("0.255.255.255")));
        Assert.Null(table.Find(IPAddress.Parse("5.0.0.201")));
        Assert.Null(table.Find(IPAddress.Parse("2001:db8:1::1")));
        Assert.Equal((4, 2), (table.Ipv4Ranges, table.Ipv6Ranges));
    }

    [Fact]
    public void Write_refuses_ranges_out_of_order()
    {
        Assert.Throws<InvalidDataException>(() => RoundTrip("5.0.0.0,5.0.0.255,1,B\n4.0.0.0,4.0.0.255,2,A", string.Empty));
    }

    [Fact]
    public void Read_refuses_a_file_that_is_no_table()
    {
        using var stream = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write("not a table"u8);
        }

        stream.Position = 0;
        Assert.Throws<InvalidDataException>(() => AsnTableFile.Read(stream));
    }

    private static AsnTable RoundTrip(string ipv4, string ipv6)
    {
        using var stream = new MemoryStream();
        AsnTableFile.Write(stream, IpLocationDbCsv.Read(new StringReader(ipv4), AddressFamily.InterNetwork), IpLocationDbCsv.Read(new StringReader(ipv6), AddressFamily.InterNetworkV6));
        stream.Position = 0;
        return AsnTableFile.Read(stream);
    }
}
