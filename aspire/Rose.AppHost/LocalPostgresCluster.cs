using System.Diagnostics;

namespace Rose.AppHost;

/// <summary>
/// A PostgreSQL cluster made with Debian's initdb, kept between runs. PostgreSQL refuses to run as
/// root, so as root the server runs as the <c>postgres</c> user through runuser.
/// </summary>
public sealed record LocalPostgresCluster(string Folder, string DataFolder, string Command, string[] ArgumentsPrefix)
{
    public const string User = "rose";

    public static LocalPostgresCluster Prepare(string folder)
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d).Select(d => Path.Combine(d, "bin")).FirstOrDefault()
            : null;
        if (bin is null || !File.Exists(Path.Combine(bin, "initdb")))
        {
            throw new InvalidOperationException("Rose:AppHost:Infrastructure=Local needs Debian's 'postgresql' package (apt-get install -y postgresql redis-server).");
        }

        var asRoot = Environment.UserName == "root";
        Directory.CreateDirectory(folder);
        var data = Path.Combine(folder, "data");
        if (asRoot)
        {
            Run("chown", "-R", "postgres", folder);
        }

        if (!File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            var initdb = Path.Combine(bin, "initdb");
            string[] initArgs = ["-D", data, "-U", User, "--auth=trust", "-E", "UTF8", "--no-locale"];
            if (asRoot)
            {
                Run("runuser", ["-u", "postgres", "--", initdb, .. initArgs]);
            }
            else
            {
                Run(initdb, initArgs);
            }
        }

        var postgres = Path.Combine(bin, "postgres");
        return asRoot
            ? new LocalPostgresCluster(folder, data, "runuser", ["-u", "postgres", "--", postgres])
            : new LocalPostgresCluster(folder, data, postgres, []);
    }

    private static void Run(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed: {error}");
        }
    }
}
