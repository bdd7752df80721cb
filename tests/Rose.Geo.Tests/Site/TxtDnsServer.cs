using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Rose.Geo.Tests.Site;

/// <summary>
/// A DNS server on a loopback UDP port answering TXT questions from <see cref="Records"/> (RFC 1035 wire
/// format: the query's id and question echoed, one TXT answer per value, NXDOMAIN for unknown names), so
/// that the real DnsClient parses real answers.
/// </summary>
internal sealed class TxtDnsServer : IDisposable
{
    private readonly UdpClient udp = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly CancellationTokenSource stop = new();

    public TxtDnsServer()
    {
        _ = Task.Run(ServeAsync);
    }

    public ConcurrentDictionary<string, string[]> Records { get; } = new(StringComparer.OrdinalIgnoreCase);

    public int Queries;

    public string EndPoint => $"127.0.0.1:{((IPEndPoint)udp.Client.LocalEndPoint!).Port}";

    private async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            UdpReceiveResult request;
            try
            {
                request = await udp.ReceiveAsync(stop.Token);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }

            Interlocked.Increment(ref Queries);
            var answer = Answer(request.Buffer);
            await udp.SendAsync(answer, request.RemoteEndPoint, stop.Token);
        }
    }

    private byte[] Answer(byte[] query)
    {
        // Question: labels from offset 12 to the zero byte, then type and class.
        var labels = new List<string>();
        var offset = 12;
        while (query[offset] != 0)
        {
            labels.Add(Encoding.ASCII.GetString(query, offset + 1, query[offset]));
            offset += query[offset] + 1;
        }

        var questionEnd = offset + 5;
        var type = BinaryPrimitives.ReadUInt16BigEndian(query.AsSpan(offset + 1));
        var found = Records.TryGetValue(string.Join('.', labels), out var values) && type == 16;
        using var response = new MemoryStream();
        response.Write(query, 0, 2);
        response.Write([0x81, (byte)(found ? 0x80 : 0x83)]);
        Write16(response, 1);
        Write16(response, found ? values!.Length : 0);
        Write16(response, 0);
        Write16(response, 0);
        response.Write(query, 12, questionEnd - 12);
        foreach (var value in found ? values! : [])
        {
            var text = Encoding.ASCII.GetBytes(value);
            response.Write([0xC0, 0x0C]);
            Write16(response, 16);
            Write16(response, 1);
            response.Write([0, 0, 0, 60]);
            Write16(response, text.Length + 1);
            response.WriteByte((byte)text.Length);
            response.Write(text);
        }

        return response.ToArray();
    }

    private static void Write16(Stream stream, int value) => stream.Write([(byte)(value >> 8), (byte)value]);

    public void Dispose()
    {
        stop.Cancel();
        udp.Dispose();
        stop.Dispose();
    }
}
