using System.Data.Common;

namespace Rose.Storage;

/// <summary>
/// How a SQLite connection waits for another connection's write. Without a busy timeout SQLite
/// answers "busy" at once and Microsoft.Data.Sqlite retries in managed code, sleeping 150 ms on a
/// blocked thread each time: under 20 concurrent chats on 2 cores a trace showed those sleeps as the
/// largest share of the request threads' time. SQLite's own busy handler retries after 1, 2, 5, 10…
/// milliseconds instead, so a write that waits for another one resumes as soon as it ends.
/// </summary>
public static class SqliteBusyWait
{
    /// <summary>Longest wait for another writer before the command fails (Microsoft.Data.Sqlite's default command timeout).</summary>
    public const int TimeoutMilliseconds = 30_000;

    private const string Pragma = "PRAGMA busy_timeout = 30000;";

    public static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public static async Task ApplyAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
