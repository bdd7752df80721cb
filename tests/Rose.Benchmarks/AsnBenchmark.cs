using System.Diagnostics;
using System.Net;
using Rose.Enrichment.Asn;

namespace Rose.Benchmarks;

/// <summary>
/// The offline IP-to-ASN table: the time to load the embedded table, the managed memory it holds, and
/// the time of one lookup over random IPv4 and IPv6 addresses (each timed on its own).
/// Usage: dotnet run -c Release --project tests/Rose.Benchmarks -- asn [--lookups 1000000]
/// Gates: memory ≤ 100 MB, lookup p99 ≤ 5 µs; exits 1 when one fails.
/// </summary>
internal static class AsnBenchmark
{
    private const double MemoryTargetMb = 100;
    private const double P99TargetMicroseconds = 5;

    public static int Run(string[] args)
    {
        var lookups = int.Parse(args.SkipWhile(a => a != "--lookups").Skip(1).FirstOrDefault() ?? "1000000");
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var load = Stopwatch.StartNew();
        var table = AsnTable.Embedded;
        load.Stop();
        var memoryMb = (GC.GetTotalMemory(forceFullCollection: true) - before) / 1024.0 / 1024.0;
        Console.WriteLine($"ASN table: {table.Ipv4Ranges} IPv4 ranges, {table.Ipv6Ranges} IPv6 ranges, {table.Networks} networks");
        Console.WriteLine($"load {load.Elapsed.TotalMilliseconds:F0} ms, managed memory {memoryMb:F1} MB");

        var random = new Random(13);
        var addresses = new IPAddress[lookups];
        var bytes = new byte[16];
        for (var i = 0; i < lookups; i++)
        {
            if (i % 2 == 0)
            {
                random.NextBytes(bytes.AsSpan(0, 4));
                addresses[i] = new IPAddress(bytes.AsSpan(0, 4));
            }
            else
            {
                // Global unicast (2000::/3), where the announced IPv6 ranges are.
                random.NextBytes(bytes);
                bytes[0] = (byte)(0x20 | (bytes[0] & 0x1F));
                addresses[i] = new IPAddress(bytes);
            }
        }

        var ipv4 = new double[lookups / 2 + lookups % 2];
        var ipv6 = new double[lookups / 2];
        var found = 0;
        foreach (var warm in addresses.Take(10_000))
        {
            found += table.Find(warm) is null ? 0 : 1;
        }

        found = 0;
        var perMicrosecond = Stopwatch.Frequency / 1_000_000.0;
        for (var i = 0; i < lookups; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var network = table.Find(addresses[i]);
            var micros = (Stopwatch.GetTimestamp() - start) / perMicrosecond;
            (i % 2 == 0 ? ipv4 : ipv6)[i / 2] = micros;
            found += network is null ? 0 : 1;
        }

        var all = ipv4.Concat(ipv6).ToArray();
        var p99 = Percentiles.Of(all, 99);
        Console.WriteLine($"{lookups} lookups ({found} in a range): p50 {Percentiles.Of(all, 50):F2} µs, p99 {p99:F2} µs");
        Console.WriteLine($"  IPv4: p50 {Percentiles.Of(ipv4, 50):F2} µs, p99 {Percentiles.Of(ipv4, 99):F2} µs; IPv6: p50 {Percentiles.Of(ipv6, 50):F2} µs, p99 {Percentiles.Of(ipv6, 99):F2} µs");
        GC.KeepAlive(table);

        var failed = false;
        if (memoryMb > MemoryTargetMb)
        {
            Console.Error.WriteLine($"FAIL: the table holds {memoryMb:F1} MB (target ≤ {MemoryTargetMb} MB)");
            failed = true;
        }

        if (p99 > P99TargetMicroseconds)
        {
            Console.Error.WriteLine($"FAIL: lookup p99 {p99:F2} µs (target ≤ {P99TargetMicroseconds} µs)");
            failed = true;
        }

        return failed ? 1 : 0;
    }
}
