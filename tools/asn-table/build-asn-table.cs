#:project ../../apps/lib/Rose.Enrichment/Rose.Enrichment.csproj

// Rebuilds the offline IP-to-ASN table embedded in Rose.Enrichment from the npm package @ip-location-db/asn
// (RouteViews + DB-IP ASN Lite, CC BY 4.0). See tools/asn-table/README.md:
//   cd /tmp && npm pack @ip-location-db/asn && tar xzf ip-location-db-asn-*.tgz
//   dotnet run tools/asn-table/build-asn-table.cs -- /tmp/package
using System.Net.Sockets;
using Rose.Enrichment.Asn;

if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: dotnet run tools/asn-table/build-asn-table.cs -- <unpacked @ip-location-db/asn folder> [output file]");
    return 2;
}

var package = args[0];
var output = args.Length == 2 ? args[1] : Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? "tools/asn-table", "../../apps/lib/Rose.Enrichment/Asn/asn-table.bin.gz");
using var ipv4 = File.OpenText(Path.Combine(package, "asn-ipv4.csv"));
using var ipv6 = File.OpenText(Path.Combine(package, "asn-ipv6.csv"));
var temporary = output + ".tmp";
using (var file = File.Create(temporary))
{
    AsnTableFile.Write(file, IpLocationDbCsv.Read(ipv4, AddressFamily.InterNetwork), IpLocationDbCsv.Read(ipv6, AddressFamily.InterNetworkV6));
}

// Read back what was written: a table that does not load is never committed.
using (var file = File.OpenRead(temporary))
{
    var table = AsnTableFile.Read(file);
    Console.WriteLine($"{table.Ipv4Ranges} IPv4 ranges, {table.Ipv6Ranges} IPv6 ranges, {table.Networks} networks");
}

File.Move(temporary, output, overwrite: true);
Console.WriteLine($"{Path.GetFullPath(output)}: {new FileInfo(output).Length / 1024.0 / 1024.0:F1} MB");
return 0;
