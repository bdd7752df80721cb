namespace Rose.Testing;

/// <summary>Finds Debian's server binaries, failing with the package to install when one is missing.</summary>
public static class ServerBinaries
{
    public static string Find(string name, string debianPackage, params string[] extraFolders)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(extraFolders);
        foreach (var folder in folders)
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"'{name}' was not found on PATH nor in {string.Join(", ", extraFolders)}. Install Debian's package '{debianPackage}' (apt-get install -y {debianPackage}); .ci/run does this.");
    }

    /// <summary>Newest PostgreSQL server folder installed by Debian (e.g. /usr/lib/postgresql/15/bin).</summary>
    public static string[] PostgresFolders() =>
        Directory.Exists("/usr/lib/postgresql")
            ? [.. Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin"))]
            : [];
}
