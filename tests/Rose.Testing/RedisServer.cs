using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace Rose.Testing;

/// <summary>A throw-away <c>redis-server</c> (Debian's <c>redis-server</c> package) on a free loopback port, without persistence.</summary>
public sealed class RedisServer : IAsyncLifetime
{
    private Process? process;

    public int Port { get; private set; }

    /// <summary>StackExchange.Redis style: <c>127.0.0.1:port</c>.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public async Task InitializeAsync()
    {
        Port = FreePort.Next();
        await StartAsync();
    }

    /// <summary>Kills the server (as when Redis dies: every key is gone, it keeps nothing on disk).</summary>
    public void Stop()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }

        process?.Dispose();
        process = null;
    }

    /// <summary>Starts the server (again) on its port, waiting until it answers PING.</summary>
    public async Task StartAsync()
    {
        var binary = ServerBinaries.Find("redis-server", "redis-server", "/usr/bin", "/usr/sbin");
        var info = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no" })
        {
            info.ArgumentList.Add(argument);
        }

        process = Process.Start(info) ?? throw new InvalidOperationException("Could not start redis-server.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await PingAsync())
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"redis-server did not answer on port {Port}.");
            }

            await Task.Delay(50);
        }
    }

    public Task DisposeAsync()
    {
        Stop();
        return Task.CompletedTask;
    }

    private async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes("PING\r\n"));
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
