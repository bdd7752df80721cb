using Npgsql;
using Xunit;

namespace Rose.Testing;

/// <summary>
/// A throw-away PostgreSQL server (Debian's <c>postgresql</c> package) in a temp folder on a free
/// loopback port, for one test collection. As root it runs as the <c>postgres</c> user, since
/// PostgreSQL refuses to run as root. Durability is off: these databases live for one run.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string SuperUser = "rose";
    private string? root;
    private string? initdb;
    private string? pgCtl;
    private int databases;
    private string? startOptions;

    public int Port { get; private set; }

    /// <summary>Connection string to the server's default database.</summary>
    public string ConnectionString => Connection("postgres");

    public async Task InitializeAsync()
    {
        var folders = ServerBinaries.PostgresFolders();
        initdb = ServerBinaries.Find("initdb", "postgresql", folders);
        pgCtl = ServerBinaries.Find("pg_ctl", "postgresql", folders);
        root = Directory.CreateTempSubdirectory("rose-pg-").FullName;
        Port = FreePort.Next();
        var user = ProcessRunner.IsRoot ? "postgres" : null;
        if (user is not null)
        {
            await ProcessRunner.RunAsync("chown", ["-R", user, root]);
        }

        var data = Path.Combine(root, "data");
        await ProcessRunner.RunAsync(initdb, ["-D", data, "-U", SuperUser, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"], user);
        startOptions = $"-p {Port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        await StartAsync();
    }

    /// <summary>
    /// Stops the server at once (<c>pg_ctl -m immediate</c>: open connections are cut, as when the
    /// database host dies); the data stays, and <see cref="StartAsync"/> brings it back on the same port.
    /// </summary>
    public async Task StopAsync() =>
        await ProcessRunner.RunAsync(pgCtl!, ["-D", Path.Combine(root!, "data"), "-m", "immediate", "stop"], ProcessRunner.IsRoot ? "postgres" : null);

    /// <summary>Starts the server (again) on its port and data folder, waiting until it accepts connections.</summary>
    public async Task StartAsync() =>
        await ProcessRunner.RunAsync(
            pgCtl!, ["-D", Path.Combine(root!, "data"), "-o", startOptions!, "-l", Path.Combine(root!, "server.log"), "-w", "-t", "60", "start"],
            ProcessRunner.IsRoot ? "postgres" : null, TimeSpan.FromSeconds(90));

    /// <summary>A new empty database, so that each test class starts clean.</summary>
    public async Task<string> CreateDatabaseAsync(string? prefix = null)
    {
        var name = $"{prefix ?? "test"}_{Interlocked.Increment(ref databases)}_{Guid.NewGuid():N}";
        name = name[..Math.Min(name.Length, 40)].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return Connection(name);
    }

    public async Task DisposeAsync()
    {
        if (root is null)
        {
            return;
        }

        try
        {
            if (pgCtl is not null)
            {
                await ProcessRunner.RunAsync(pgCtl, ["-D", Path.Combine(root, "data"), "-m", "immediate", "stop"], ProcessRunner.IsRoot ? "postgres" : null);
            }
        }
        catch (InvalidOperationException)
        {
            // The server was not running; nothing to stop.
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private string Connection(string database) =>
        $"Host=127.0.0.1;Port={Port};Username={SuperUser};Database={database};Pooling=true;Include Error Detail=true";
}
