using Microsoft.Extensions.Configuration;

namespace Rose.AppHost;

/// <summary>
/// Settings under <c>Rose:AppHost</c> (also as environment variables, e.g. <c>Rose__AppHost__Infrastructure=Local</c>).
/// </summary>
public sealed class AppHostOptions
{
    /// <summary><c>Containers</c> (default; needs a Docker engine) or <c>Local</c> (Debian's redis-server and postgres).</summary>
    public string Infrastructure { get; init; } = "Containers";

    /// <summary>Path of daprd; when empty, daprd is looked up on PATH and in ~/.dapr/bin.</summary>
    public string? Daprd { get; init; }

    /// <summary>Where the local-binaries mode keeps PostgreSQL's cluster between runs.</summary>
    public string? LocalDataPath { get; init; }

    public bool UsesLocalBinaries => string.Equals(Infrastructure, "Local", StringComparison.OrdinalIgnoreCase);

    public static AppHostOptions From(IConfiguration configuration) =>
        configuration.GetSection("Rose:AppHost").Get<AppHostOptions>() ?? new AppHostOptions();

    /// <summary>The daprd binary to use, or null: then the apps run as the standalone host on the embedded runtime.</summary>
    public string? FindDaprd()
    {
        if (!string.IsNullOrWhiteSpace(Daprd))
        {
            return Daprd;
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(Path.Combine(home, ".dapr", "bin"))
            .Select(folder => Path.Combine(folder, "daprd"))
            .FirstOrDefault(File.Exists);
    }
}
