using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Rose.Apps.Tests;

/// <summary>
/// The migration Job's mode (deploy/k8s/migrations): an app started with <c>Rose:Storage:MigrateOnly=true</c>
/// applies its modules' migrations and exits, serving nothing; started normally with
/// <c>MigrateOnStart=false</c>, as its Deployment runs it, it leaves the schema alone.
/// </summary>
public sealed class MigrateOnlyTests : IDisposable
{
    private readonly string dataPath = Directory.CreateTempSubdirectory("rose-migrate-only-").FullName;

    [Theory]
    [InlineData("Rose.Admin")]
    [InlineData("Rose.Search")]
    [InlineData("Rose.Backoffice")]
    [InlineData("Rose.Worker")]
    public async Task An_app_in_migrate_only_mode_applies_its_migrations_and_exits_without_serving(string app)
    {
        var (exitCode, output) = await RunAsync(app, new Dictionary<string, string>
        {
            ["Rose__Storage__MigrateOnly"] = "true",
            ["Rose__DataPath"] = dataPath,
            ["urls"] = "http://127.0.0.1:0",
        });

        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
        Assert.Contains("is up to date", output, StringComparison.Ordinal);
        Assert.NotEmpty(await MigrationsAppliedAsync());
    }

    private async Task<IReadOnlyList<string>> MigrationsAppliedAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataPath, "rose.db")};Mode=ReadOnly;Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%migrations%'";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    /// <summary>Starts the app's own build output (copied beside the tests) as a process, as its container does.</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(string app, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", Path.Combine(AppContext.BaseDirectory, app + ".dll"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, "still running after 90 s (it serves instead of exiting)\n" + await stdout + await stderr);
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(dataPath, recursive: true);
    }
}
