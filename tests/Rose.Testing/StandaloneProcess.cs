using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Rose.Testing;

/// <summary>The standalone host as a user runs it: a real process on a free port with its own data folder.</summary>
public sealed class StandaloneProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private StandaloneProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The host's process id, to read its memory and open handles under <c>/proc</c>.</summary>
    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    public string Output => string.Join('\n', output);

    /// <summary>
    /// Starts the host whose path the calling test assembly names in an
    /// <c>[assembly: AssemblyMetadata("StandaloneDll", …)]</c> attribute (see Rose.Standalone.Tests.csproj).
    /// <paramref name="address"/> (default: a free port) lets a host restarted after a crash come back where it was.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static StandaloneProcess Start(string dataPath, IDictionary<string, string>? environment = null, Uri? address = null)
    {
        var dll = Assembly.GetCallingAssembly().GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "StandaloneDll").Value!;
        address ??= new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(dll))!,
        };
        info.ArgumentList.Add(Path.GetFullPath(dll));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(address.ToString().TrimEnd('/'));
        info.Environment["Rose__DataPath"] = dataPath;
        info.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info)!;
        var host = new StandaloneProcess(process, address);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { host.output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { host.output.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>
    /// Polls /health (readiness: in the standalone host, migrations done and the demo docs indexed)
    /// until it answers 200; returns how long the host took to get there.
    /// </summary>
    public Task<TimeSpan> WaitUntilHealthyAsync(TimeSpan timeout) => WaitUntilOkAsync("/health", timeout);

    /// <summary>
    /// Waits for /health like <see cref="WaitUntilHealthyAsync"/>, but takes a probe that outlasts its
    /// own 2-second timeout while the host loads its models as "not ready yet", until the deadline.
    /// </summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                await WaitUntilHealthyAsync(deadline - DateTime.UtcNow);
                return;
            }
            catch (TaskCanceledException) when (DateTime.UtcNow < deadline)
            {
            }
        }
    }

    /// <summary>Polls /alive (liveness) until it answers 200; returns how long the host took to get there.</summary>
    public Task<TimeSpan> WaitUntilAliveAsync(TimeSpan timeout) => WaitUntilOkAsync("/alive", timeout);

    private async Task<TimeSpan> WaitUntilOkAsync(string path, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The standalone host exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await client.GetAsync(path)).IsSuccessStatusCode)
                {
                    return clock.Elapsed;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or busy loading models: a probe timing out is not a failure.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The standalone host did not answer {path} with 200 after {timeout}:\n{Output}");
    }

    /// <summary>Kills the host at once (SIGKILL), as a crash or an evicted pod would: nothing is flushed or drained.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
