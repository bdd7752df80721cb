using Microsoft.Data.Sqlite;
using Rose.Testing;
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
        // The app's own build output (copied beside the tests), started as its container starts it; a
        // non-zero exit, or still running after 90 s (serving instead of exiting), fails the test.
        var output = await ProcessRunner.RunAsync(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, app + ".dll")],
            timeout: TimeSpan.FromSeconds(90),
            environment: new Dictionary<string, string>
            {
                ["DOTNET_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Rose__Storage__MigrateOnly"] = "true",
                ["Rose__DataPath"] = dataPath,
                ["urls"] = "http://127.0.0.1:0",
            },
            workingDirectory: AppContext.BaseDirectory);

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

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(dataPath, recursive: true);
    }
}
