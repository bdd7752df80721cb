using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Rose.Backoffice.Tests;

/// <summary>
/// An SMTP server on a loopback port that speaks just enough of RFC 5321 (EHLO, MAIL, RCPT, DATA,
/// QUIT) to accept one message, and records what the client said.
/// </summary>
internal sealed class SmtpStub : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly Task<SmtpStubMessage> received;

    public SmtpStub()
    {
        listener.Start();
        received = AcceptOneAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public Task<SmtpStubMessage> Received => received;

    public void Dispose() => listener.Stop();

    private async Task<SmtpStubMessage> AcceptOneAsync()
    {
        using var client = await listener.AcceptTcpClientAsync();
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        string? from = null;
        var to = new List<string>();
        var data = new StringBuilder();
        await writer.WriteLineAsync("220 stub.rose.test ESMTP");
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO" or "HELO":
                    await writer.WriteLineAsync("250-stub.rose.test");
                    await writer.WriteLineAsync("250 8BITMIME");
                    break;
                case "MAIL":
                    from = line;
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    to.Add(line);
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                    {
                        data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                    }

                    await writer.WriteLineAsync("250 OK queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return new SmtpStubMessage(from, to, data.ToString());
                default:
                    await writer.WriteLineAsync("502 Command not implemented");
                    break;
            }
        }

        return new SmtpStubMessage(from, to, data.ToString());
    }
}
