using System.Diagnostics;

namespace Rose.Testing;

/// <summary>Runs a tool (a server binary, kubectl, an app in a one-shot mode) to completion and fails with its output when it does not succeed.</summary>
public static class ProcessRunner
{
    public static bool IsRoot => Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root";

    /// <returns>What the process wrote to standard output.</returns>
    public static async Task<string> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string? asUser = null,
        TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null)
    {
        var info = asUser is null ? new ProcessStartInfo(fileName) : new ProcessStartInfo("runuser");
        if (asUser is not null)
        {
            info.ArgumentList.Add("-u");
            info.ArgumentList.Add(asUser);
            info.ArgumentList.Add("--");
            info.ArgumentList.Add(fileName);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        if (workingDirectory is not null)
        {
            info.WorkingDirectory = workingDirectory;
        }

        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish in time.\n{await stdout}\n{await stderr}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', info.ArgumentList)} exited with {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }

        return await stdout;
    }
}
